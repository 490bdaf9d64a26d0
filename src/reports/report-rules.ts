import { resultsVisible } from '../exams/exam-attempts.service';
import type { ResultStatus } from '../exams/exam-result.entity';
import { deadlinesFor, submissionState, type SubmissionState } from '../submissions/submission-state';
import type { AssignmentRecord, ExamResultRecord, WorkRecord } from './report-records.service';

/**
 * Who reads a report: staff (administrators, the cohort's instructors) see grades and results not yet released,
 * marked as such; a trainee sees only what has been released to them.
 */
export type Audience = 'staff' | 'trainee';

export interface GradeShown {
  score: number | null;
  passed: boolean;
  /** False: a draft only staff see. */
  released: boolean;
}

/** One trainee's work on one assignment as a report shows it. */
export interface WorkCell {
  assignmentId: string;
  state: SubmissionState;
  grade: GradeShown | null;
}

/** The trainee's state on the assignment (the one rule of src/submissions) and the grade the reader may see. */
export function workCell(r: WorkRecord, audience: Audience): WorkCell {
  const submission =
    r.submitted_version === null
      ? null
      : { submittedVersion: r.submitted_version, submittedAt: r.submitted_at, returnedAt: r.returned_at, revisionDueAt: r.revision_due_at };
  const grade = r.grade_status === null ? null : { status: r.grade_status, versionNumber: r.grade_version ?? 0 };
  const deadlines = deadlinesFor(
    { opensAt: r.due_at, dueAt: r.due_at, cutoffAt: r.due_at },
    r.extension_due_at ? { dueAt: r.extension_due_at, cutoffAt: r.extension_due_at } : null,
    submission,
  );
  const shown = r.grade_status === 'released' || (r.grade_status === 'draft' && audience === 'staff');
  return {
    assignmentId: r.id,
    state: submissionState(submission, grade, deadlines.dueAt),
    grade: shown
      ? { score: r.score === null ? null : Number(r.score), passed: Boolean(r.passed), released: r.grade_status === 'released' }
      : null,
  };
}

/** One trainee's result of one exam sitting as a report shows it; `status` null: none yet, or not shown to them. */
export interface ExamCell {
  examId: string;
  status: ResultStatus | null;
  score: number | null;
  released: boolean;
}

/**
 * The result, as the exam feature decides who sees it (`resultsVisible`): a trainee sees theirs once the exam is
 * released, or at once when the exam is set so and nothing of theirs is still running or waiting for marking.
 */
export function examCell(r: ExamResultRecord): ExamCell & { visibleToTrainee: boolean } {
  const attempts = [
    ...(r.submitted > 0 ? [{ status: 'submitted' as const, needsMarking: false }] : []),
    ...(r.open ? [{ status: 'in_progress' as const, needsMarking: true }] : []),
  ];
  const released = resultsVisible({ releasedAt: r.released_at, resultsShown: r.results_shown }, attempts);
  return {
    examId: r.exam_id,
    status: (r.status as ResultStatus | null) ?? null,
    score: r.score === null ? null : Number(r.score),
    released,
    visibleToTrainee: released && r.status !== null,
  };
}

/** The cell as the reader may see it: a trainee gets nothing of a result not released to them. */
export function examCellFor(r: ExamResultRecord, audience: Audience): ExamCell {
  const { visibleToTrainee, ...cell } = examCell(r);
  if (audience === 'trainee' && !visibleToTrainee) return { ...cell, status: null, score: null };
  return cell;
}

/** Where the trainee's completion of the part stands, as `completed_enrolments` and the rule's state say. */
export type CompletionShown = 'completed' | 'not_completed' | 'not_possible' | 'in_progress';

export function completionShown(r: {
  completed_at: Date | null;
  manual_state: string | null;
  completion_state: string | null;
}): CompletionShown {
  if (r.completed_at) return 'completed';
  if (r.manual_state === 'not_completed') return 'not_completed';
  return r.completion_state === 'not_possible' ? 'not_possible' : 'in_progress';
}

/** Released points over the points assignments' maximum, and required work passed with a released grade. */
export interface WorkTotals {
  points: number;
  maxPoints: number;
  requiredPassed: number;
  required: number;
}

/**
 * Totals count released grades only — what the trainee sees and what completion counts; a draft grade is shown
 * to staff, marked, but not added up.
 */
export function workTotals(assignments: readonly AssignmentRecord[], cells: readonly WorkCell[]): WorkTotals {
  const byId = new Map(cells.map((c) => [c.assignmentId, c]));
  const totals: WorkTotals = { points: 0, maxPoints: 0, requiredPassed: 0, required: 0 };
  for (const a of assignments) {
    const grade = byId.get(a.id)?.grade;
    const released = grade?.released ? grade : null;
    if (a.grading_type === 'points') {
      totals.maxPoints += Number(a.max_points ?? 0);
      totals.points += released?.score ?? 0;
    }
    if (a.required_for_completion) {
      totals.required += 1;
      if (released?.passed) totals.requiredPassed += 1;
    }
  }
  totals.points = Math.round(totals.points * 100) / 100;
  totals.maxPoints = Math.round(totals.maxPoints * 100) / 100;
  return totals;
}

/** The exam's outcome for the trainee: the last sitting (a retake after the first) with a result the reader sees. */
export function examOutcome(cells: readonly ExamCell[]): ExamCell | null {
  return [...cells].reverse().find((c) => c.status !== null) ?? null;
}
