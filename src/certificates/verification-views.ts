import { formatDate } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import type { VerifiedCertificate } from './certificate-records.service';
import { verificationPath } from './certificate-documents';

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
