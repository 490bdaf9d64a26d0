import type { EnrolmentStatus } from './enrolment.entity';

/**
 * Who counts as a member of a cohort, in one place. SQL reads the same rules through the views of the
 * CohortViews migration: `cohort_members` holds the enrolments in MEMBER_STATUSES, its `active` column is
 * ACTIVE_STATUS; `cohort_teachers` holds who teaches a cohort. test/cohort-views.test.ts keeps the two in step.
 */

/**
 * Members: they hold one of the cohort's places, see its schedule and materials, are counted for attendance and
 * the programme's indicators. Not those waiting for a place or withdrawn.
 */
export const MEMBER_STATUSES: readonly EnrolmentStatus[] = ['enrolled', 'completed', 'not_completed'];

/** Members still taking part: they are told of changes and reminded, and hand in work. */
export const ACTIVE_STATUS = 'enrolled' satisfies EnrolmentStatus;

/** Waiting for a place, promoted in order. */
export const WAITING_STATUS = 'waitlisted' satisfies EnrolmentStatus;

export const WITHDRAWN_STATUS = 'withdrawn' satisfies EnrolmentStatus;

export function isMember(status: string): boolean {
  return (MEMBER_STATUSES as readonly string[]).includes(status);
}
