import type { Cohort } from '../cohorts/cohort.entity';
import { formatDate } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import { programmeFooter } from '../programmes/programme-footer';
import type { Programme } from '../programmes/programme.entity';
import { formatFileSize } from '../storage/file-size';
import { verificationPath } from './certificate-documents';
import type { CertificateWithHistory } from './certificate-reads.service';
import type { CohortHolderRow, ProgrammeHolderRow } from './certificate-records.service';
import { certificateRunPageView } from './certificate-run-views';
import type { RunOverview } from './certificate-runs.service';
import { REVOCATION_REASONS, type Certificate } from './certificate.entity';
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

/** A cohort's members with their completion and certificate, and (for administrators) the background run. */
export function cohortCertificatesPage(
  { cohort, holders }: { cohort: Cohort; holders: CohortHolderRow[] },
  runs: RunOverview | null,
  hasTemplate: boolean,
  isAdmin: boolean,
  lang: Language,
) {
  const programme = cohort.part.programme;
  return {
    titleKey: 'certificates.cohort.title',
    cohort: { id: cohort.id, name: cohort.name, partTitle: localized(lang, cohort.part.titleLv, cohort.part.titleEn) },
    programme: { id: programme.id, title: localized(lang, programme.titleLv, programme.titleEn) },
    ...programmeFooter(programme),
    isAdmin,
    hasTemplate,
    eligible: runs?.eligible ?? 0,
    run: runs?.latest ? certificateRunPageView(runs.latest) : null,
    canStartRun: Boolean(runs && hasTemplate && runs.eligible > 0 && !runs.active),
    holders: holders.map((h) => ({
      enrolmentId: h.enrolment_id,
      name: h.user_name,
      completedOn: h.completed_at ? formatDate(h.completed_at, lang) : null,
      certificate: h.certificate_id ? { id: h.certificate_id, serial: h.serial, statusKey: `certificates.status.${h.status}` } : null,
      canIssue: isAdmin && Boolean(h.completed_at) && h.status !== 'valid',
    })),
  };
}

/** Those who completed every part of the programme, with their programme certificate. */
export function programmeCertificatesPage(
  id: string,
  programme: Programme,
  holders: ProgrammeHolderRow[],
  hasTemplate: boolean,
  lang: Language,
) {
  return {
    titleKey: 'certificates.programme.title',
    programme: { id, title: localized(lang, programme.titleLv, programme.titleEn) },
    ...programmeFooter(programme),
    hasTemplate,
    holders: holders.map((h) => ({
      userId: h.user_id,
      name: h.user_name,
      certificate: h.certificate_id ? { id: h.certificate_id, serial: h.serial } : null,
    })),
  };
}

/** One certificate's page with its history and what the reader may do with it. */
export function certificatePage(found: CertificateWithHistory, badgesOffered: boolean, isAdmin: boolean, lang: Language) {
  const { certificate } = found;
  return {
    title: certificate.serial,
    certificate: certificatePageView(certificate, lang),
    ...historyView(found),
    issuedBy: certificate.issuedBy?.name ?? null,
    badgesOffered,
    canManage: isAdmin && certificate.status === 'valid',
    isAdmin,
  };
}

/** The holder's own certificates, a page at a time. */
export function myCertificatesPage(items: Certificate[], badgesOffered: boolean, pagerModel: unknown, lang: Language) {
  return {
    titleKey: 'certificates.mine.title',
    badgesOffered,
    certificates: items.map((c) => certificatePageView(c, lang)),
    pager: pagerModel,
  };
}

/** The revocation form. */
export function revokePage(certificate: Certificate, lang: Language) {
  return {
    titleKey: 'certificates.revoke.title',
    certificate: certificatePageView(certificate, lang),
    reasons: REVOCATION_REASONS.map((value) => ({ value, label: `certificates.reasons.${value}` })),
  };
}

/** The reissue form, with the name printed now. */
export function reissuePage(certificate: Certificate, lang: Language) {
  return {
    titleKey: 'certificates.reissue.title',
    certificate: certificatePageView(certificate, lang),
    currentName: certificate.user.name,
  };
}

/** A cohort's members with their completion and certificate, in the API. */
export function cohortHolderJson(h: CohortHolderRow) {
  return {
    enrolmentId: h.enrolment_id,
    userId: h.user_id,
    name: h.user_name,
    completedAt: h.completed_at?.toISOString() ?? null,
    certificate: h.certificate_id ? { id: h.certificate_id, serial: h.serial!, status: h.status! } : null,
  };
}

/** Someone who completed the programme, with their programme certificate, in the API. */
export function programmeHolderJson(h: ProgrammeHolderRow) {
  return {
    userId: h.user_id,
    name: h.user_name,
    certificate: h.certificate_id ? { id: h.certificate_id, serial: h.serial! } : null,
  };
}
