import { formatDate } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import type { VerifiedCertificate } from './certificate-records.service';
import { verificationPath } from './certificate-documents';
import { normalizeCode } from './verification-code';
import type { BadgeCheckResult } from './verification.service';

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
