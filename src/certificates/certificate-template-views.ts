import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import type { Programme } from '../programmes/programme.entity';
import { programmeFooter } from '../programmes/programme-footer';
import type { CertificateTemplate } from './certificate-template.entity';
import type { CertificateTemplateInput } from './certificates.schemas';

/** The template in the API. */
export function templateJson(template: CertificateTemplate) {
  const { programmeId, titleLv, titleEn, placeLv, placeEn, learningOutcomesLv, learningOutcomesEn, signatories, issuerLv, issuerEn } =
    template;
  return {
    programmeId,
    titleLv,
    titleEn,
    placeLv,
    placeEn,
    learningOutcomesLv,
    learningOutcomesEn,
    signatories,
    issuerLv,
    issuerEn,
    serialFormat: template.serialFormat,
    updatedAt: template.updatedAt.toISOString(),
  };
}

/** The form's values: outcomes one a line, the signatories in their numbered fields. */
export function templateFormValues(template: Partial<CertificateTemplateInput>): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {
    titleLv: template.titleLv,
    titleEn: template.titleEn,
    placeLv: template.placeLv,
    placeEn: template.placeEn,
    learningOutcomesLv: template.learningOutcomesLv?.join('\n'),
    learningOutcomesEn: template.learningOutcomesEn?.join('\n'),
    issuerLv: template.issuerLv,
    issuerEn: template.issuerEn,
    serialFormat: template.serialFormat,
  };
  (template.signatories ?? []).forEach((s, i) => {
    values[`signatory${i + 1}Name`] = s.name;
    values[`signatory${i + 1}Position`] = s.position;
  });
  return values;
}

/** What the template page shows besides the values: the programme, whose logo and statement the certificates carry. */
export function templatePageLocals(programme: Programme, lang: Language) {
  return {
    titleKey: 'certificates.template.title',
    programme: {
      id: programme.id,
      title: localized(lang, programme.titleLv, programme.titleEn),
      fundingStatement: programme.fundingStatement,
      logoUrl: programme.logoKey ? `/programmes/${programme.id}/logo` : null,
      funder: programme.funder,
    },
    signatoryRows: [1, 2, 3].map((n) => ({ n, name: `signatory${n}Name`, position: `signatory${n}Position`, required: n === 1 })),
    ...programmeFooter(programme),
  };
}
