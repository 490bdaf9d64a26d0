import { pager } from '../common/paging';
import type { I18nService } from '../i18n/i18n.service';
import { localized } from '../i18n/localized';
import { describeCompletionRule } from '../programmes/completion-rule';
import type { Part } from '../programmes/part.entity';
import { programmeFooter, singleProgrammeFooter } from '../programmes/programme-footer';
import type { ProgrammeSummary } from '../programmes/programmes.service';
import type { Language } from '../i18n/languages';
import type { User } from '../users/user.entity';
import type { Cohort } from './cohort.entity';
import { IMPORT_STATUSES, type CohortListQuery } from './cohort.schemas';
import type { CohortCounts } from './cohorts.service';
import { IMPORT_MAX_ROWS, type ImportReport } from './enrolment-import.service';
import { isMember } from './enrolment-status';
import type { Enrolment } from './enrolment.entity';

type CohortWithCounts = Cohort & Partial<CohortCounts>;
type ListedEnrolment = Enrolment & { position?: number | null };

/** A cohort as pages and the API show it: titles in the reader's language, places counted. */
export function cohortView(cohort: CohortWithCounts, lang: Language) {
  const part = cohort.part;
  const programme = part.programme;
  return {
    id: cohort.id,
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    capacity: cohort.capacity,
    /** When an administrator closed it (completion fixed); null while open. */
    closedAt: cohort.closedAt?.toISOString() ?? null,
    taken: cohort.taken ?? 0,
    waiting: cohort.waiting ?? 0,
    free: Math.max(0, cohort.capacity - (cohort.taken ?? 0)),
    part: { id: part.id, number: part.number, title: localized(lang, part.titleLv, part.titleEn) },
    programme: { id: programme.id, title: localized(lang, programme.titleLv, programme.titleEn) },
    /** For the page footer. */
    footer: { programmeId: programme.id, ...programmeFooter(programme) },
    instructors: (cohort.instructors ?? []).map((u) => ({ id: u.id, name: u.name, email: u.email })),
  };
}

export function enrolmentView(e: ListedEnrolment) {
  return {
    id: e.id,
    cohortId: e.cohortId,
    status: e.status,
    position: e.position ?? null,
    waitlistedAt: e.waitlistedAt?.toISOString() ?? null,
    enrolledAt: e.enrolledAt?.toISOString() ?? null,
    withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: e.withdrawalReason,
    trainee: e.user ? { id: e.user.id, name: e.user.name, email: e.user.email, department: e.user.department } : undefined,
  };
}

/** For pages: the enrolment with the locale key of its status. */
export function enrolmentPageView(e: ListedEnrolment) {
  return { ...enrolmentView(e), statusKey: `cohorts.status.${e.status}` };
}

const statusKey = (status: string | null) => `cohorts.status.${status}`;

/** A page of cohorts as the API gives it. */
export function cohortPageJson({ items, total }: { items: CohortWithCounts[]; total: number }, query: CohortListQuery, lang: Language) {
  return { items: items.map((c) => cohortView(c, lang)), total, page: query.page, pageSize: query.pageSize };
}

/** A cohort after a change, with whom a larger capacity took from the waiting list. */
export function updatedCohortJson(cohort: CohortWithCounts, promoted: ListedEnrolment[], lang: Language) {
  return { ...cohortView(cohort, lang), promoted: promoted.map(enrolmentView) };
}

export function enrolmentListJson(enrolments: ListedEnrolment[]) {
  return { items: enrolments.map(enrolmentView) };
}

/** A withdrawal, with whom the freed place went to. */
export function withdrawalJson({ enrolment, promoted }: { enrolment: ListedEnrolment; promoted: ListedEnrolment[] }) {
  return { enrolment: enrolmentView(enrolment), promoted: promoted.map(enrolmentView) };
}

/** A trainee's enrolment with the programme, the part and its completion rule in words. */
export function myEnrolmentView(e: ListedEnrolment, lang: Language, i18n: I18nService) {
  const part = e.cohort.part;
  const programme = part.programme;
  const { trainee: _t, ...enrolment } = enrolmentView(e);
  return {
    ...enrolment,
    cohort: { id: e.cohort.id, name: e.cohort.name, startsOn: e.cohort.startsOn, endsOn: e.cohort.endsOn },
    part: {
      id: part.id,
      number: part.number,
      title: localized(lang, part.titleLv, part.titleEn),
      academicHours: part.academicHours,
      completionRule: describeCompletionRule(part, lang, i18n),
    },
    programme: {
      id: programme.id,
      title: localized(lang, programme.titleLv, programme.titleEn),
      projectTitle: programme.projectTitle,
    },
    footer: { programmeId: programme.id, ...programmeFooter(programme) },
  };
}

/** A cohort an instructor teaches, with the trainees holding its places. */
export function taughtCohortView({ cohort, trainees }: { cohort: Cohort; trainees: Enrolment[] }, lang: Language) {
  return { ...cohortView(cohort, lang), trainees: trainees.map(enrolmentView) };
}

export function myEnrolmentsJson(enrolments: ListedEnrolment[], lang: Language, i18n: I18nService) {
  return { items: enrolments.map((e) => myEnrolmentView(e, lang, i18n)) };
}

export function taughtCohortsJson(taught: { cohort: Cohort; trainees: Enrolment[] }[], lang: Language) {
  return { items: taught.map((t) => taughtCohortView(t, lang)) };
}

/** The instructor's cohorts with their trainees. */
export function myCohortsPage(taught: { cohort: Cohort; trainees: Enrolment[] }[], lang: Language) {
  const cohorts = taught.map((t) => taughtCohortView(t, lang));
  return {
    titleKey: 'cohorts.my.title',
    cohorts: cohorts.map((c) => ({ ...c, trainees: c.trainees.map((e) => ({ ...e, statusKey: statusKey(e.status) })) })),
    ...singleProgrammeFooter(cohorts.map((c) => c.footer)),
  };
}

/** The trainee's programme: each enrolment with its part's rule. */
export function myProgrammePage(enrolments: ListedEnrolment[], lang: Language, i18n: I18nService) {
  const mine = enrolments.map((e) => myEnrolmentView(e, lang, i18n));
  return {
    titleKey: 'cohorts.myProgramme.title',
    enrolments: mine.map((e) => ({ ...e, statusKey: statusKey(e.status), member: isMember(e.status) })),
    ...singleProgrammeFooter(mine.map((e) => e.footer)),
  };
}

/** The administrators' list of cohorts, with the programmes to filter by. */
export function cohortsListPage(
  { items, total }: { items: CohortWithCounts[]; total: number },
  programmes: ProgrammeSummary[],
  query: CohortListQuery,
  lang: Language,
) {
  return {
    titleKey: 'cohorts.list.title',
    query,
    cohorts: items.map((c) => cohortView(c, lang)),
    programmes: programmes.map(({ programme }) => ({
      id: programme.id,
      title: localized(lang, programme.titleLv, programme.titleEn),
    })),
    pager: pager('/admin/cohorts', query, total),
  };
}

const instructorChoice = (u: User) => ({ id: u.id, name: u.name, email: u.email });

/** The form of an existing cohort: its part is shown, not chosen again. */
export function editCohortFormPage(cohort: CohortWithCounts, instructors: User[], lang: Language) {
  const view = cohortView(cohort, lang);
  return {
    titleKey: 'cohorts.edit.title',
    cohort: view,
    instructors: instructors.map(instructorChoice),
    ...singleProgrammeFooter([view.footer]),
  };
}

/** The form of a new cohort: the parts to choose from, grouped by programme (a programme without parts left out). */
export function newCohortFormPage(
  instructors: User[],
  programmes: { programme: ProgrammeSummary['programme']; parts: Part[] }[],
  lang: Language,
) {
  const partGroups = programmes.map(({ programme, parts }) => ({
    label: localized(lang, programme.titleLv, programme.titleEn),
    parts: parts.map((p) => ({ id: p.id, number: p.number, title: localized(lang, p.titleLv, p.titleEn) })),
  }));
  return {
    titleKey: 'cohorts.new.title',
    cohort: null,
    instructors: instructors.map(instructorChoice),
    partGroups: partGroups.filter((g) => g.parts.length),
  };
}

/** The values a cohort form starts with: a new one's (its part when given), or the cohort's with its instructors ticked. */
export function cohortFormValues(cohort?: Cohort, partId?: string) {
  if (!cohort) return { partId: partId ?? '', capacity: '20' };
  return { ...cohort, instructorIds: cohort.instructors.map((u) => u.id) };
}

/** A saved change's flash, and how many it took from the waiting list. */
export function promotedFlash(key: string, promoted: unknown[]) {
  return [
    { kind: 'success' as const, key },
    ...(promoted.length ? [{ kind: 'info' as const, key: 'cohorts.flash.promoted', params: { count: promoted.length } }] : []),
  ];
}

/** A cohort's page for administrators: its places, waiting list and withdrawals, and trainees found to enrol. */
export function cohortPage(cohort: CohortWithCounts, list: ListedEnrolment[], found: User[], lang: Language, q?: string) {
  const view = cohortView(cohort, lang);
  const enrolments = list.map(enrolmentPageView);
  const active = new Set(enrolments.filter((e) => e.status !== 'withdrawn').map((e) => e.trainee?.id));
  return {
    title: view.name,
    cohort: view,
    ...singleProgrammeFooter([view.footer]),
    places: enrolments.filter((e) => e.status !== 'waitlisted' && e.status !== 'withdrawn'),
    waiting: enrolments.filter((e) => e.status === 'waitlisted'),
    withdrawn: enrolments.filter((e) => e.status === 'withdrawn'),
    search: {
      q: q ?? '',
      searched: Boolean(q),
      results: found.map((u) => ({ id: u.id, name: u.name, email: u.email, department: u.department, inCohort: active.has(u.id) })),
    },
    importStatuses: IMPORT_STATUSES,
    importMaxRows: IMPORT_MAX_ROWS,
  };
}

/** The form asking why a trainee is withdrawn. */
export function withdrawPage(cohort: CohortWithCounts, enrolment: ListedEnrolment, lang: Language) {
  const view = cohortView(cohort, lang);
  return {
    titleKey: 'cohorts.withdraw.title',
    cohort: view,
    enrolment: enrolmentPageView(enrolment),
    ...singleProgrammeFooter([view.footer]),
  };
}

/** The report of a CSV import: each row's outcome, or its errors in the reader's language. */
export function importReportPage(cohort: CohortWithCounts, report: ImportReport, lang: Language, i18n: I18nService) {
  const view = cohortView(cohort, lang);
  return {
    titleKey: 'cohorts.import.reportTitle',
    cohort: view,
    ...singleProgrammeFooter([view.footer]),
    report,
    rows: report.rows.map((row) => ({
      ...row,
      outcomeKey: statusKey(row.outcome),
      // A good row of a refused file was not imported either: say what it would have become, and why it did not.
      notImported:
        !report.imported && !row.errors.length
          ? i18n.t(lang, 'cohorts.import.notImported', { outcome: i18n.t(lang, statusKey(row.outcome)) })
          : null,
      errors: row.errors.map((e) => i18n.t(lang, `validation.${e.code}`, e.params)),
    })),
    errorCount: report.rows.filter((r) => r.errors.length).length,
  };
}
