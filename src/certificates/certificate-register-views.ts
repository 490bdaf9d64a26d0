import { formatDate } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import { localized } from '../i18n/localized';
import { inlineMaxText } from '../reports/report-views';
import type { RegisterRow, RegisterScope } from './certificate-records.service';
import type { RegisterSubject } from './certificate-register.service';

/** A line of the register in the API. */
export function registerEntryJson(row: RegisterRow) {
  return {
    certificateId: row.certificate_id,
    serial: row.serial,
    holderName: row.holder_name,
    programmeTitle: row.programme_title,
    partTitle: row.part_title,
    cohortName: row.cohort_name,
    academicHours: row.academic_hours,
    issuedAt: row.issued_at.toISOString(),
    status: row.status,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revocationReason: row.revocation_reason,
    replacedBySerial: row.replaced_by_serial,
    sha256: row.sha256,
  };
}

/** A line of the register on its page: dates in the reader's language, words as locale keys, a link for those who may open it. */
export function registerRowView(row: RegisterRow, lang: Language, linked: boolean) {
  return {
    href: linked ? `/certificates/${row.certificate_id}` : null,
    serial: row.serial,
    holderName: row.holder_name,
    partTitle: row.part_title,
    cohortName: row.cohort_name,
    academicHours: row.academic_hours,
    issuedOn: formatDate(row.issued_at, lang),
    valid: row.status === 'valid',
    statusKey: `certificates.status.${row.status}`,
    revokedOn: row.revoked_at ? formatDate(row.revoked_at, lang) : null,
    reasonKey: row.revocation_reason ? `certificates.reasons.${row.revocation_reason}` : null,
    replacedBySerial: row.replaced_by_serial,
  };
}

/** What heads a register's page: the programme, and the cohort with its part when it is a cohort's. */
export function registerSubjectView(subject: RegisterSubject, lang: Language) {
  const { programme, cohort } = subject;
  return {
    programme: { id: programme.id, title: localized(lang, programme.titleLv, programme.titleEn) },
    cohort: cohort ? { id: cohort.id, name: cohort.name, partTitle: localized(lang, cohort.partTitleLv, cohort.partTitleEn) } : null,
  };
}

/** A register's page: a page of its rows, its downloads (the ZIP of a cohort's PDFs for administrators) and the way back. */
export function registerPage(
  { subject, items, total }: { subject: RegisterSubject; items: RegisterRow[]; total: number },
  scope: RegisterScope,
  {
    path,
    pagerModel,
    isAdmin,
    inlineMaxCells,
    lang,
  }: { path: string; pagerModel: unknown; isAdmin: boolean; inlineMaxCells: number; lang: Language },
) {
  const cohortId = 'cohortId' in scope ? scope.cohortId : null;
  return {
    titleKey: 'certificates.register.title',
    scripts: ['/assets/js/reports.js'],
    ...registerSubjectView(subject, lang),
    back: cohortId ? `/cohorts/${cohortId}/certificates` : `/admin/programmes/${subject.programme.id}/certificates`,
    rows: items.map((row) => registerRowView(row, lang, isAdmin)),
    pager: pagerModel,
    exportPath: `${path}/export`,
    report: cohortId ? 'cohort_register' : 'register',
    subjectId: cohortId ?? subject.programme.id,
    inlineMax: inlineMaxText(inlineMaxCells, lang),
    archivePath: cohortId && isAdmin && total > 0 ? `/cohorts/${cohortId}/certificates.zip` : null,
  };
}
