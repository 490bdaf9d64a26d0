import { formatDate } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import type { VerifiedCertificate } from './certificate-records.service';
import { verificationPath } from './certificate-documents';
import { normalizeCode } from './verification-code';
import { BADGE_MAX_BYTES, VERIFY_FILE_MAX_BYTES, type BadgeCheckResult, type CodeCheck, type FileCheck } from './verification.service';
import { formatFileSize } from '../storage/file-size';

/** What the public verification page and API show of a certificate: only what it states, and its standing. */
export function verifiedView(c: VerifiedCertificate, lang: Language) {
  return {
    ...verifiedJson(c),
    issuedOn: formatDate(c.issued_at, lang),
    statusKey: `certificates.status.${c.status}`,
    revokedOn: c.revoked_at ? formatDate(c.revoked_at, lang) : null,
    reasonKey: c.revocation_reason ? `certificates.reasons.${c.revocation_reason}` : null,
    replaces: c.replaces_serial ? { serial: c.replaces_serial, url: verificationPath(c.replaces_code!) } : null,
    replacedBy: c.replaced_by_serial ? { serial: c.replaced_by_serial, url: verificationPath(c.replaced_by_code!) } : null,
  };
}

/** The same for the API: dates as ISO, the reason as its code. */
export function verifiedJson(c: VerifiedCertificate) {
  return {
    serial: c.serial,
    holderName: c.holder_name,
    programmeTitle: c.programme_title,
    partTitle: c.part_title,
    academicHours: c.academic_hours,
    issuedAt: c.issued_at.toISOString(),
    issuer: c.issuer_name,
    language: c.language,
    status: c.status,
    revokedAt: c.revoked_at?.toISOString() ?? null,
    revocationReason: c.revocation_reason,
    replaces: c.replaces_serial ? { serial: c.replaces_serial, verificationCode: c.replaces_code } : null,
    replacedBy: c.replaced_by_serial ? { serial: c.replaced_by_serial, verificationCode: c.replaced_by_code } : null,
  };
}

/** A badge check for the API: the result, and the certificate when the badge's signature holds. */
export function badgeCheckJson(check: BadgeCheckResult) {
  return {
    result: check.result,
    reason: check.reason,
    verificationCode: check.verificationCode,
    developmentKey: check.developmentKey,
    certificate: check.certificate ? verifiedJson(check.certificate) : null,
  };
}

const BADGE_PROBLEMS = {
  'signature-invalid': 'altered',
  'other-issuer': 'otherIssuer',
  'unknown-key': 'unknownKey',
  'unknown-certificate': 'unknownCertificate',
} as const;

/**
 * A badge check for the page: the certificate when the badge's signature holds, else what is wrong with the badge
 * (and a link to the certificate an altered badge names, to see what it really states).
 */
export function badgeCheckView(check: BadgeCheckResult, lang: Language) {
  const code = check.verificationCode ? normalizeCode(check.verificationCode) : null;
  const problem = check.result === 'signature-invalid' ? check.result : check.reason;
  return {
    problemKey: problem ? `certificates.verify.badge.${BADGE_PROBLEMS[problem]}` : null,
    developmentKey: check.developmentKey,
    certificate: check.certificate ? verifiedView(check.certificate, lang) : null,
    named: check.result === 'signature-invalid' && code ? { code: check.verificationCode, url: verificationPath(code) } : null,
  };
}

const RESULT_TITLE = 'certificates.verify.resultTitle';

/** The verification form: a code, a PDF and, when badges are issued, a badge; with the largest sizes taken. */
export function verifyFormPage(lang: Language, badgesOffered: boolean) {
  return {
    titleKey: 'certificates.verify.title',
    maxSize: formatFileSize(VERIFY_FILE_MAX_BYTES, lang),
    ...(badgesOffered
      ? { badgesOffered: true, badgeMaxSize: formatFileSize(BADGE_MAX_BYTES, lang), scripts: ['/assets/js/verify-badge.js'] }
      : {}),
  };
}

/** The form again with a code that cannot be one, the error beside the field. */
export function badCodePage(form: ReturnType<typeof verifyFormPage>, code: string, message: string, formError: string) {
  return { ...form, values: { code }, fieldErrors: { code: message }, formError, errorSummary: [{ field: 'code', message }] };
}

/** A code's result: the certificate, or why there is none; `languageLink` for a visitor without a session. */
export function codeResultPage(check: CodeCheck, languageLink: string | null, lang: Language) {
  const locals = { titleKey: RESULT_TITLE, languageLink };
  return check.kind === 'found' ? { ...locals, certificate: verifiedView(check.certificate, lang) } : { ...locals, [check.kind]: true };
}

/** A PDF's result: the certificate whose file it is, or that none is. */
export function fileResultPage(check: FileCheck, lang: Language) {
  const locals = { titleKey: RESULT_TITLE, fromFile: true, sha256: check.sha256 };
  const result = check.kind === 'found' ? { certificate: verifiedView(check.certificate, lang) } : { fileUnknown: true };
  return { ...locals, ...result };
}

/** A badge's result: the badge's checks and the certificate it names. */
export function badgeResultPage(check: BadgeCheckResult, lang: Language) {
  const badge = badgeCheckView(check, lang);
  return { titleKey: RESULT_TITLE, badge, certificate: badge.certificate };
}

/** A PDF's result in the API. */
export function fileCheckJson(check: FileCheck) {
  return {
    matches: check.kind === 'found',
    sha256: check.sha256,
    certificate: check.kind === 'found' ? verifiedJson(check.certificate) : null,
  };
}
