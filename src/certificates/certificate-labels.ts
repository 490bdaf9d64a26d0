import type { I18nService } from '../i18n/i18n.service';
import type { Language } from '../i18n/languages';
import { CERTIFICATE_LABEL_KEYS } from './certificate-document';

/** The fixed words of a certificate in `lang`, as `CertificateDocument.labels` wants them. */
export function certificateLabels(i18n: I18nService, lang: Language): Record<string, string> {
  return Object.fromEntries(CERTIFICATE_LABEL_KEYS.map((key) => [key, i18n.t(lang, `certificatePdf.${key}`)]));
}
