import { localized } from '../i18n/localized';
import { programmeFooter } from '../programmes/programme-footer';
import type { Language } from '../i18n/languages';
import type { Cohort } from './cohort.entity';
import type { CohortCounts } from './cohorts.service';
import type { Enrolment } from './enrolment.entity';

/** A cohort as pages and the API show it: titles in the reader's language, places counted. */
export function cohortView(cohort: Cohort & Partial<CohortCounts>, lang: Language) {
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

export function enrolmentView(e: Enrolment & { position?: number | null }) {
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
export function enrolmentPageView(e: Enrolment & { position?: number | null }) {
  return { ...enrolmentView(e), statusKey: `cohorts.status.${e.status}` };
}
