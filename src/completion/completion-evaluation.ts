import type { CompletionRule } from '../programmes/completion-rule';
import type { CompletionState, CriterionResult } from './enrolment-completion.entity';

/**
 * The completion rule of a part, worked out for one enrolment from facts read in one statement
 * (CompletionRecords.facts). Pure: no clock, no database. The result depends only on the records, never on the
 * time, so it stays true until one of them changes, and each change recomputes it in its own transaction.
 *
 * What each criterion means:
 * - **attendance** (`minAttendancePercent` > 0): the share of the cohort's sessions attended, over every session
 *   that is not cancelled — classes, seminars and study visits; an exam sitting counts under the exam. Present and
 *   late count as attended. Excused counts as not attended: the funder pays for hours taken part in and its
 *   auditor checks the attendance register, so a reason for being away does not turn an absence into attendance
 *   (the register still shows it as excused). The minimum is met at ceil(sessions × percent / 100) attended: 6 of
 *   7 at 80 %, 8 of 10 at exactly 80 %. It is no longer possible when the sessions still unmarked cannot make up
 *   the difference. A cohort with no sessions yet cannot meet it.
 * - **independent work**: every assignment of the cohort (its own and its part's) that is required for
 *   completion has a released, passed grade. A grade returned for revision is a draft again and does not count.
 *   A part that requires work of a cohort that has none set yet is not met.
 * - **final exam**: a released result "passed" of one of the cohort's exams or their retakes (an exam showing
 *   results at once counts a marked result at once). It is no longer possible when the trainee's released result
 *   of a sitting is failed or absent and no retake of that sitting is set.
 * - **closing seminar**: every seminar session of the cohort that is not cancelled attended (present or late).
 *   A seminar marked absent or excused makes it no longer possible.
 *
 * Overall: completed when every criterion of the rule is met, not possible when one is no longer possible,
 * otherwise in progress. A part whose rule names no criterion is completed only by an administrator's hand.
 */

/** What is missing while a criterion is pending: how many of what. */
export const MISSING_UNITS = [
  /** Sessions still to attend. */
  'sessions',
  /** The cohort has no sessions yet. */
  'schedule',
  /** Assignments still to pass. */
  'assignments',
  /** The cohort has no required assignment yet. */
  'assignmentsNotSet',
  /** The exam still to pass. */
  'exam',
  /** Sat (or handed in), the result not yet released. */
  'examResult',
  /** The cohort has no exam yet. */
  'examNotSet',
  /** Seminars still to attend. */
  'seminars',
  /** The cohort has no seminar yet. */
  'seminarNotSet',
] as const;
export type MissingUnit = (typeof MISSING_UNITS)[number];

/** The records that decide one enrolment's completion. */
export interface CompletionFacts {
  /** The cohort's sessions that are not cancelled, exam sittings left out. */
  sessions: number;
  /** Of those, marked present or late. */
  attended: number;
  /** Of those, marked absent or excused. */
  missed: number;
  /** The cohort's seminar sessions that are not cancelled. */
  seminars: number;
  seminarsAttended: number;
  seminarsMissed: number;
  /** Assignments of the cohort and its part that are required for completion. */
  requiredWork: number;
  /** Of those, with a released, passed grade. */
  passedWork: number;
  /** The cohort's exams, retakes included. */
  exams: number;
  /** A released result "passed" of one of them. */
  examPassed: boolean;
  /** A released result "failed" or "absent" of a sitting that has no retake. */
  examFailedFinally: boolean;
  /** A result not yet released (or still being marked). */
  examAwaiting: boolean;
}

export interface Evaluation {
  state: CompletionState;
  criteria: CriterionResult[];
}

type Result = Omit<CriterionResult, 'criterion'>;

const met = (done: number, of: number): Result => ({ state: 'met', progress: { done, of } });
const impossible = (done: number, of: number): Result => ({ state: 'impossible', progress: { done, of } });
const pending = (count: number, unit: MissingUnit, done: number, of: number): Result => ({
  state: 'pending',
  missing: { count, unit },
  progress: { done, of },
});

/** Sessions to attend for `percent` of `sessions`: the smallest whole number not below the share. */
export function sessionsNeeded(sessions: number, percent: number): number {
  return Math.ceil((sessions * percent) / 100);
}

function attendance(percent: number, f: CompletionFacts): Result {
  const needed = sessionsNeeded(f.sessions, percent);
  if (f.sessions === 0) return pending(0, 'schedule', 0, 0);
  if (f.attended >= needed) return met(f.attended, needed);
  const open = f.sessions - f.attended - f.missed;
  if (f.attended + open < needed) return impossible(f.attended, needed);
  return pending(needed - f.attended, 'sessions', f.attended, needed);
}

function independentWork(f: CompletionFacts): Result {
  if (f.requiredWork === 0) return pending(0, 'assignmentsNotSet', 0, 0);
  if (f.passedWork >= f.requiredWork) return met(f.requiredWork, f.requiredWork);
  return pending(f.requiredWork - f.passedWork, 'assignments', f.passedWork, f.requiredWork);
}

function finalExam(f: CompletionFacts): Result {
  if (f.examPassed) return met(1, 1);
  if (f.examFailedFinally) return impossible(0, 1);
  if (f.exams === 0) return pending(0, 'examNotSet', 0, 1);
  return pending(1, f.examAwaiting ? 'examResult' : 'exam', 0, 1);
}

function closingSeminar(f: CompletionFacts): Result {
  if (f.seminars === 0) return pending(0, 'seminarNotSet', 0, 0);
  if (f.seminarsMissed > 0) return impossible(f.seminarsAttended, f.seminars);
  if (f.seminarsAttended >= f.seminars) return met(f.seminars, f.seminars);
  return pending(f.seminars - f.seminarsAttended, 'seminars', f.seminarsAttended, f.seminars);
}

/** Each criterion of the rule, in a fixed order, and the overall state. */
export function evaluateCompletion(rule: CompletionRule, facts: CompletionFacts): Evaluation {
  const criteria: CriterionResult[] = [];
  if (rule.minAttendancePercent > 0) criteria.push({ criterion: 'attendance', ...attendance(rule.minAttendancePercent, facts) });
  if (rule.requiresIndependentWork) criteria.push({ criterion: 'independent_work', ...independentWork(facts) });
  if (rule.requiresFinalExam) criteria.push({ criterion: 'final_exam', ...finalExam(facts) });
  if (rule.closesWithSeminar) criteria.push({ criterion: 'closing_seminar', ...closingSeminar(facts) });
  return { state: overall(criteria), criteria };
}

function overall(criteria: CriterionResult[]): CompletionState {
  if (criteria.some((c) => c.state === 'impossible')) return 'not_possible';
  if (criteria.length && criteria.every((c) => c.state === 'met')) return 'completed';
  return 'in_progress';
}

/** Whether an enrolment counts as having completed its part: the administrator's hand first, else the rule. */
export function effectivelyCompleted(row: { state: CompletionState; manualState: 'completed' | 'not_completed' | null }): boolean {
  return row.manualState ? row.manualState === 'completed' : row.state === 'completed';
}
