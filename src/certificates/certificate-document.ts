import type { Language } from '../i18n/languages';

/** A person who signs the certificate, as printed under the signature line. */
export interface Signatory {
  name: string;
  position: string;
}

/**
 * Everything one certificate shows, already in the holder's language: what the PDF renderer draws and nothing it
 * has to look up. The certificates service fills it from the programme's template and the issued record.
 */
export interface CertificateDocument {
  lang: Language;
  /** "Apliecība" / "Certificate", as the template names it. */
  title: string;
  holderName: string;
  programmeTitle: string;
  /** Null for a certificate of the whole programme. */
  partTitle: string | null;
  academicHours: number;
  /** Riga calendar dates, YYYY-MM-DD, of the cohort (or of the first and last cohort for a programme). */
  startsOn: string;
  endsOn: string;
  place: string;
  learningOutcomes: string[];
  signatories: Signatory[];
  /** Riga calendar date, YYYY-MM-DD. */
  issuedOn: string;
  issuer: string;
  serial: string;
  verificationCode: string;
  /** The public verification link carried by the QR code: `${PUBLIC_URL}/verify/${verificationCode}`. */
  verificationUrl: string;
  /** The funder's logos (PNG or JPEG bytes) and publicity statement, as the programme defines them. */
  logos: Buffer[];
  publicityStatement: string;
  /**
   * The fixed words in `lang`, one per key of `CERTIFICATE_LABEL_KEYS`; `certificateLabels(i18n, lang)`
   * (certificate-labels.ts) gives them from locales/<lang>/certificatePdf.json.
   */
  labels: Record<string, string>;
}

/**
 * The fixed words a certificate prints, and those of its Open Badge; `hoursOne` and `hoursOther` hold `{hours}`, the
 * badge's words `{programme}`, `{part}` and `{hours}`.
 */
export const CERTIFICATE_LABEL_KEYS = [
  'serial',
  'certifies',
  'completed',
  'part',
  'hours',
  'hoursOne',
  'hoursOther',
  'period',
  'place',
  'outcomes',
  'outcomesOverleaf',
  'outcomesContinued',
  'issuedOn',
  'verificationCode',
  'verifyAt',
  'badgeDescriptionPart',
  'badgeDescriptionProgramme',
  'badgeCriteriaPart',
  'badgeCriteriaProgramme',
  'badgeDevelopmentKey',
] as const;

export type CertificateLabelKey = (typeof CERTIFICATE_LABEL_KEYS)[number];
