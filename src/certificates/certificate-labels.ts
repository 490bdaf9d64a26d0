import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { CERTIFICATE_LABEL_KEYS, type CertificateDocument } from './certificate-document';

/** The fixed words of a certificate in `lang`, as `CertificateDocument.labels` wants them. */
export function certificateLabels(i18n: I18nService, lang: Language): Record<string, string> {
  return Object.fromEntries(CERTIFICATE_LABEL_KEYS.map((key) => [key, i18n.t(lang, `certificatePdf.${key}`)]));
}

const PLURALS = { lv: new Intl.PluralRules('lv'), en: new Intl.PluralRules('en') };
const NUMBERS = { lv: new Intl.NumberFormat('lv-LV'), en: new Intl.NumberFormat('en-GB') };

/** "40 akadēmiskās stundas", "21 akadēmiskā stunda", "1 academic hour": the document's hours in its language. */
export function hoursText(doc: Pick<CertificateDocument, 'lang' | 'academicHours' | 'labels'>): string {
  const form = PLURALS[doc.lang].select(doc.academicHours) === 'one' ? doc.labels.hoursOne : doc.labels.hoursOther;
  return fillLabel(form, { hours: NUMBERS[doc.lang].format(doc.academicHours) });
}

/** A label with its `{name}` placeholders filled. */
export function fillLabel(label: string, values: Record<string, string>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
