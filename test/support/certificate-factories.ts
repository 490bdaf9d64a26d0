import type { DataSource } from 'typeorm';
import { CertificateTemplate } from '../../src/certificates/certificate-template.entity';
import type { CertificateTemplateInput } from '../../src/certificates/certificates.schemas';
import type { Programme } from '../../src/programmes/programme.entity';

/** A complete template, as an administrator would write it for the seed's programme. */
export function templateInput(overrides: Partial<CertificateTemplateInput> = {}): CertificateTemplateInput {
  return {
    titleLv: 'Apliecība',
    titleEn: 'Certificate',
    placeLv: 'Daugavpils',
    placeEn: 'Daugavpils',
    learningOutcomesLv: ['Pārzina projektu vadības ciklu', 'Prot sagatavot projekta pieteikumu'],
    learningOutcomesEn: ['Knows the project management cycle', 'Can prepare a project application'],
    signatories: [{ name: 'Žanna Ķirķe', position: 'Projekta vadītāja' }],
    issuerLv: 'Daugavpils pilsētas dome',
    issuerEn: 'Daugavpils City Council',
    serialFormat: 'DPD-{YYYY}/{NNNN}',
    ...overrides,
  };
}

/** Writes the programme's certificate template straight to the database. */
export async function createTemplate(
  ds: DataSource,
  programme: Programme,
  overrides: Partial<CertificateTemplateInput> = {},
): Promise<CertificateTemplate> {
  const repo = ds.getRepository(CertificateTemplate);
  return repo.save(repo.create({ programmeId: programme.id, ...templateInput(overrides) }));
}

/** The template as the page's form posts it. */
export function templateForm(overrides: Record<string, string> = {}): Record<string, string> {
  const input = templateInput();
  return {
    titleLv: input.titleLv,
    titleEn: input.titleEn,
    placeLv: input.placeLv,
    placeEn: input.placeEn,
    issuerLv: input.issuerLv,
    issuerEn: input.issuerEn,
    learningOutcomesLv: input.learningOutcomesLv.join('\n'),
    learningOutcomesEn: input.learningOutcomesEn.join('\n'),
    signatory1Name: 'Žanna Ķirķe',
    signatory1Position: 'Projekta vadītāja',
    signatory2Name: '',
    signatory2Position: '',
    signatory3Name: '',
    signatory3Position: '',
    serialFormat: input.serialFormat,
    ...overrides,
  };
}
