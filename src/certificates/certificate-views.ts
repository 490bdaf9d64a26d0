import { formatDate } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import { formatFileSize } from '../storage/file-size';
import { verificationPath } from './certificate-documents';
import type { CertificateWithHistory } from './certificate-reads.service';
import type { Certificate } from './certificate.entity';
import { groupCode } from './verification-code';

const neighbour = (c: Certificate | null) => (c ? { id: c.id, serial: c.serial } : null);

/** A certificate in the API, with its history. */
export function certificateJson({ certificate: c, replaces, replacedBy }: Partial<CertificateWithHistory> & { certificate: Certificate }) {
  return {
    id: c.id,
    serial: c.serial,
    verificationCode: groupCode(c.verificationCode),
    verificationPath: verificationPath(c.verificationCode),
    userId: c.userId,
    holderName: c.holderName,
    language: c.language,
    programmeId: c.programmeId,
    programmeTitle: c.programmeTitle,
    partId: c.partId,
    partTitle: c.partTitle,
    academicHours: c.academicHours,
    issuer: c.issuerName,
    issuedAt: c.issuedAt.toISOString(),
    issuedById: c.issuedById,
    status: c.status,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revocationReason: c.revocationReason,
    revocationNote: c.revocationNote,
    replaces: neighbour(replaces ?? null),
    replacedBy: neighbour(replacedBy ?? null),
    fileSize: c.fileSize,
    sha256: c.sha256,
  };
}

/** A certificate as the pages show it: dates and size in the reader's language, labels as locale keys. */
export function certificatePageView(c: Certificate, lang: Language) {
  return {
    id: c.id,
    serial: c.serial,
    code: groupCode(c.verificationCode),
    verifyUrl: verificationPath(c.verificationCode),
    holderName: c.holderName,
    programmeTitle: c.programmeTitle,
    partTitle: c.partTitle,
    academicHours: c.academicHours,
    issuer: c.issuerName,
    issuedOn: formatDate(c.issuedAt, lang),
    status: c.status,
    statusKey: `certificates.status.${c.status}`,
    valid: c.status === 'valid',
    revokedOn: c.revokedAt ? formatDate(c.revokedAt, lang) : null,
    reasonKey: c.revocationReason ? `certificates.reasons.${c.revocationReason}` : null,
    note: c.revocationNote,
    size: formatFileSize(c.fileSize, lang),
    sha256: c.sha256,
    downloadUrl: `/certificates/${c.id}/download`,
    badgeUrl: `/certificates/${c.id}/badge`,
  };
}

export function historyView({ replaces, replacedBy }: CertificateWithHistory) {
  return { replaces: neighbour(replaces), replacedBy: neighbour(replacedBy) };
}
