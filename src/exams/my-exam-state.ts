import type { ResultStatus } from './exam-result.entity';
import type { ExamMode } from './exam.entity';

/**
 * Where a trainee stands on one exam of their cohort, in one word, for their start page:
 * - upcoming: an online exam not open yet, or an exam sat in person still ahead;
 * - open: an online exam open now with an attempt left to start;
 * - in_progress: an attempt running, its deadline not passed;
 * - awaiting_result: handed in (or sat in person) and no result shown to them yet;
 * - result: their result is shown to them (passed, failed, absent or excused);
 * - missed: the online window closed without an attempt.
 */
export const MY_EXAM_STATES = ['upcoming', 'open', 'in_progress', 'awaiting_result', 'result', 'missed'] as const;
export type MyExamState = (typeof MY_EXAM_STATES)[number];

export interface MyExamFacts {
  mode: ExamMode;
  /** The trainee's window, with their accommodation. */
  opensAt: Date | null;
  closesAt: Date | null;
  /** The exam sitting in the schedule, when linked. */
  sittingStartsAt: Date | null;
  attemptsAllowed: number;
  attemptsUsed: number;
  submittedAttempts: number;
  /** The deadline of the attempt in progress, if one is. */
  inProgressDeadline: Date | null;
  /** Their result as they may see it (`resultsVisible`), null while none is shown. */
  shownResult: ResultStatus | null;
}

/** The trainee's state on the exam at `now`; the rules of who sees what stay in exam-attempts.service.ts. */
export function myExamState(f: MyExamFacts, now: Date): MyExamState {
  if (f.inProgressDeadline && f.inProgressDeadline.getTime() > now.getTime()) return 'in_progress';
  if (f.shownResult && f.shownResult !== 'pending') return 'result';
  if (f.inProgressDeadline || f.submittedAttempts > 0) return 'awaiting_result';
  if (f.mode === 'in_person') {
    return f.sittingStartsAt && f.sittingStartsAt.getTime() <= now.getTime() ? 'awaiting_result' : 'upcoming';
  }
  if (f.opensAt && now.getTime() < f.opensAt.getTime()) return 'upcoming';
  if (f.closesAt && now.getTime() >= f.closesAt.getTime()) return 'missed';
  if (!f.closesAt) return 'upcoming';
  return f.attemptsUsed < f.attemptsAllowed ? 'open' : 'awaiting_result';
}
