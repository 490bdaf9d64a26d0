import type { Assignment } from '../assignments/assignment.entity';
import type { Extension } from '../assignments/extension.entity';
import type { Grade } from '../grading/grade.entity';
import type { Submission } from './submission.entity';

export const SUBMISSION_STATES = ['not_submitted', 'draft', 'submitted', 'late', 'graded', 'returned'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** What the state needs of a submission row (null: the trainee has not started). */
export type SubmissionFacts = Pick<Submission, 'submittedVersion' | 'submittedAt' | 'returnedAt'>;
export type GradeFacts = Pick<Grade, 'status' | 'versionNumber'>;

/**
 * A trainee's state on an assignment, derived, never stored:
 * - returned: an instructor sent the work back for revision and no new version has been submitted since;
 * - graded: the latest submitted version has a released grade (a draft grade shows nothing yet);
 * - late / submitted: the latest submitted version came after / at or before the effective due time;
 * - draft: work saved but never submitted; not_submitted: nothing yet.
 * Exactly at the due time is on time: `submittedAt <= dueAt`.
 */
export function submissionState(submission: SubmissionFacts | null, grade: GradeFacts | null, effectiveDueAt: Date): SubmissionState {
  if (!submission) return 'not_submitted';
  if (submission.returnedAt) return 'returned';
  if (submission.submittedVersion === 0 || !submission.submittedAt) return 'draft';
  if (grade?.status === 'released' && grade.versionNumber === submission.submittedVersion) return 'graded';
  return submission.submittedAt.getTime() > effectiveDueAt.getTime() ? 'late' : 'submitted';
}

/** Whole seconds after the due time, rounded up: one millisecond late is one second late. */
export function lateSecondsAt(at: Date, dueAt: Date): number {
  const ms = at.getTime() - dueAt.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export interface Deadlines {
  opensAt: Date;
  dueAt: Date;
  /** At or after this instant nothing is accepted. */
  cutoffAt: Date;
  /** The work was returned for revision with its own due time: new versions are accepted up to and including `dueAt`, never late. */
  revision: boolean;
  extended: boolean;
}

/**
 * The times that apply to one trainee: the assignment's, or their extension's, or, once their work was
 * returned for revision with a revision due time, that time (up to and including it). The revision due
 * time stays after the new version is in, so that version reads as on time.
 */
export function deadlinesFor(
  assignment: Pick<Assignment, 'opensAt' | 'dueAt' | 'cutoffAt'>,
  extension: Pick<Extension, 'dueAt' | 'cutoffAt'> | null,
  submission: Pick<Submission, 'revisionDueAt'> | null,
): Deadlines {
  if (submission?.revisionDueAt) {
    const due = submission.revisionDueAt;
    return { opensAt: assignment.opensAt, dueAt: due, cutoffAt: new Date(due.getTime() + 1), revision: true, extended: false };
  }
  const base = extension ?? assignment;
  return { opensAt: assignment.opensAt, dueAt: base.dueAt, cutoffAt: base.cutoffAt, revision: false, extended: Boolean(extension) };
}

export type Window = { kind: 'notOpen' } | { kind: 'closed' } | { kind: 'open'; lateSeconds: number };

/** Whether work handed in at `now` is taken, and how late it is. */
export function windowAt(deadlines: Deadlines, now: Date): Window {
  if (now.getTime() < deadlines.opensAt.getTime()) return { kind: 'notOpen' };
  if (now.getTime() >= deadlines.cutoffAt.getTime()) return { kind: 'closed' };
  return { kind: 'open', lateSeconds: deadlines.revision ? 0 : lateSecondsAt(now, deadlines.dueAt) };
}
