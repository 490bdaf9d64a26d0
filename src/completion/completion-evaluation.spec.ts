import type { CompletionRule } from '../programmes/completion-rule';
import { type CompletionFacts, effectivelyCompleted, evaluateCompletion, sessionsNeeded } from './completion-evaluation';

const NONE: CompletionRule = {
  minAttendancePercent: 0,
  requiresIndependentWork: false,
  requiresFinalExam: false,
  closesWithSeminar: false,
};
const facts = (over: Partial<CompletionFacts> = {}): CompletionFacts => ({
  sessions: 0,
  attended: 0,
  missed: 0,
  seminars: 0,
  seminarsAttended: 0,
  seminarsMissed: 0,
  requiredWork: 0,
  passedWork: 0,
  exams: 0,
  examPassed: false,
  examFailedFinally: false,
  examAwaiting: false,
  ...over,
});
const only = (rule: Partial<CompletionRule>, over: Partial<CompletionFacts>) => {
  const result = evaluateCompletion({ ...NONE, ...rule }, facts(over));
  expect(result.criteria).toHaveLength(1);
  return { ...result.criteria[0], overall: result.state };
};

describe('sessions needed for a minimum attendance', () => {
  it('is the share rounded up to a whole session', () => {
    expect(sessionsNeeded(10, 80)).toBe(8);
    expect(sessionsNeeded(7, 80)).toBe(6);
    expect(sessionsNeeded(8, 75)).toBe(6);
    expect(sessionsNeeded(3, 100)).toBe(3);
    expect(sessionsNeeded(3, 1)).toBe(1);
    expect(sessionsNeeded(0, 80)).toBe(0);
  });
});

describe('the attendance criterion', () => {
  const rule = { minAttendancePercent: 80 };

  it('is met at exactly the minimum: 8 of 10 sessions at 80 %', () => {
    expect(only(rule, { sessions: 10, attended: 8, missed: 2 })).toEqual({
      criterion: 'attendance',
      state: 'met',
      progress: { done: 8, of: 8 },
      overall: 'completed',
    });
  });

  it('is not yet met one session below it, and says how many more', () => {
    expect(only(rule, { sessions: 10, attended: 7, missed: 2 })).toEqual({
      criterion: 'attendance',
      state: 'pending',
      missing: { count: 1, unit: 'sessions' },
      progress: { done: 7, of: 8 },
      overall: 'in_progress',
    });
    expect(only(rule, { sessions: 10, attended: 6 }).missing).toEqual({ count: 2, unit: 'sessions' });
  });

  it('rounds the share up: 80 % of 7 sessions needs 6', () => {
    expect(only(rule, { sessions: 7, attended: 6, missed: 1 }).state).toBe('met');
    expect(only(rule, { sessions: 7, attended: 5, missed: 1 })).toMatchObject({
      state: 'pending',
      missing: { count: 1, unit: 'sessions' },
    });
  });

  it('is no longer possible when the sessions left cannot make up the difference', () => {
    // 10 sessions, 3 missed: at most 7 of the 8 needed can still be attended.
    expect(only(rule, { sessions: 10, attended: 5, missed: 3 })).toEqual({
      criterion: 'attendance',
      state: 'impossible',
      progress: { done: 5, of: 8 },
      overall: 'not_possible',
    });
    // 2 missed: 8 can still be reached, by attending every session left.
    expect(only(rule, { sessions: 10, attended: 5, missed: 2 })).toMatchObject({ state: 'pending', missing: { count: 3 } });
  });

  it('counts an excused absence as missed, not as attended', () => {
    // The facts give excused sessions as missed: with two excused and one absent, 8 of 10 is out of reach.
    expect(only(rule, { sessions: 10, attended: 6, missed: 3 }).state).toBe('impossible');
  });

  it('cannot be met before the cohort has a session', () => {
    expect(only(rule, { sessions: 0 })).toMatchObject({ state: 'pending', missing: { count: 0, unit: 'schedule' } });
  });

  it('is left out when the minimum is 0 %', () => {
    expect(
      evaluateCompletion({ ...NONE, minAttendancePercent: 0, requiresFinalExam: true }, facts()).criteria.map((c) => c.criterion),
    ).toEqual(['final_exam']);
  });

  it('at 100 % needs every session, and one missed ends it', () => {
    expect(only({ minAttendancePercent: 100 }, { sessions: 4, attended: 4 }).state).toBe('met');
    expect(only({ minAttendancePercent: 100 }, { sessions: 4, attended: 3, missed: 1 }).state).toBe('impossible');
  });
});

describe('the independent work criterion', () => {
  const rule = { requiresIndependentWork: true };

  it('is met when every required assignment has a released, passed grade', () => {
    expect(only(rule, { requiredWork: 2, passedWork: 2 })).toEqual({
      criterion: 'independent_work',
      state: 'met',
      progress: { done: 2, of: 2 },
      overall: 'completed',
    });
  });

  it('names how many assignments are still to pass', () => {
    expect(only(rule, { requiredWork: 2, passedWork: 1 })).toMatchObject({
      state: 'pending',
      missing: { count: 1, unit: 'assignments' },
      progress: { done: 1, of: 2 },
    });
  });

  it('goes back to not yet when a released grade is returned (no longer released, so no longer counted)', () => {
    expect(only(rule, { requiredWork: 1, passedWork: 1 }).state).toBe('met');
    expect(only(rule, { requiredWork: 1, passedWork: 0 })).toMatchObject({ state: 'pending', missing: { count: 1, unit: 'assignments' } });
  });

  it('is not met while the cohort has no required assignment', () => {
    expect(only(rule, { requiredWork: 0 })).toMatchObject({ state: 'pending', missing: { count: 0, unit: 'assignmentsNotSet' } });
  });
});

describe('the final exam criterion', () => {
  const rule = { requiresFinalExam: true };

  it('is met by a released pass', () => {
    expect(only(rule, { exams: 1, examPassed: true })).toEqual({
      criterion: 'final_exam',
      state: 'met',
      progress: { done: 1, of: 1 },
      overall: 'completed',
    });
  });

  it('after a failed sitting with a retake set, waits for the retake', () => {
    expect(only(rule, { exams: 2, examFailedFinally: false })).toMatchObject({ state: 'pending', missing: { count: 1, unit: 'exam' } });
  });

  it('is met when the exam failed first is passed at the retake', () => {
    expect(only(rule, { exams: 2, examPassed: true, examFailedFinally: false }).state).toBe('met');
  });

  it("is no longer possible when the last sitting's released result is a fail and no retake is set", () => {
    expect(only(rule, { exams: 1, examFailedFinally: true })).toEqual({
      criterion: 'final_exam',
      state: 'impossible',
      progress: { done: 0, of: 1 },
      overall: 'not_possible',
    });
  });

  it('counts a pass even beside a failed sitting', () => {
    expect(only(rule, { exams: 2, examPassed: true, examFailedFinally: true }).state).toBe('met');
  });

  it('says when a result is awaited, and when there is no exam yet', () => {
    expect(only(rule, { exams: 1, examAwaiting: true }).missing).toEqual({ count: 1, unit: 'examResult' });
    expect(only(rule, { exams: 0 })).toMatchObject({
      state: 'pending',
      missing: { count: 0, unit: 'examNotSet' },
      progress: { done: 0, of: 1 },
    });
  });
});

describe('the closing seminar criterion', () => {
  const rule = { closesWithSeminar: true };

  it('is met when every seminar was attended', () => {
    expect(only(rule, { seminars: 2, seminarsAttended: 2 })).toEqual({
      criterion: 'closing_seminar',
      state: 'met',
      progress: { done: 2, of: 2 },
      overall: 'completed',
    });
  });

  it('names the seminars still to attend', () => {
    expect(only(rule, { seminars: 2, seminarsAttended: 1 })).toMatchObject({
      state: 'pending',
      missing: { count: 1, unit: 'seminars' },
      progress: { done: 1, of: 2 },
    });
  });

  it('is no longer possible once a seminar is missed', () => {
    expect(only(rule, { seminars: 2, seminarsAttended: 1, seminarsMissed: 1 })).toMatchObject({
      state: 'impossible',
      progress: { done: 1, of: 2 },
    });
  });

  it('is not met while the cohort has no seminar', () => {
    expect(only(rule, { seminars: 0 })).toMatchObject({ state: 'pending', missing: { count: 0, unit: 'seminarNotSet' } });
  });
});

describe('the overall state', () => {
  const all: CompletionRule = { minAttendancePercent: 75, requiresIndependentWork: true, requiresFinalExam: true, closesWithSeminar: true };
  const done = facts({
    sessions: 8,
    attended: 6,
    missed: 2,
    seminars: 1,
    seminarsAttended: 1,
    requiredWork: 1,
    passedWork: 1,
    exams: 1,
    examPassed: true,
  });

  it('is completed when every criterion is met, listed in a fixed order', () => {
    const result = evaluateCompletion(all, done);
    expect(result.state).toBe('completed');
    expect(result.criteria.map((c) => c.criterion)).toEqual(['attendance', 'independent_work', 'final_exam', 'closing_seminar']);
  });

  it('is in progress while one is not yet met', () => {
    expect(evaluateCompletion(all, { ...done, passedWork: 0 }).state).toBe('in_progress');
  });

  it('is not possible when one is no longer possible, even if another is still open', () => {
    expect(evaluateCompletion(all, { ...done, passedWork: 0, examPassed: false, examFailedFinally: true }).state).toBe('not_possible');
  });

  it('is left to an administrator when the rule names no criterion', () => {
    expect(evaluateCompletion(NONE, done)).toEqual({ state: 'in_progress', criteria: [] });
  });
});

describe('what counts as completed', () => {
  it("is the administrator's hand first, then the rule", () => {
    expect(effectivelyCompleted({ state: 'completed', manualState: null })).toBe(true);
    expect(effectivelyCompleted({ state: 'in_progress', manualState: null })).toBe(false);
    expect(effectivelyCompleted({ state: 'not_possible', manualState: 'completed' })).toBe(true);
    expect(effectivelyCompleted({ state: 'completed', manualState: 'not_completed' })).toBe(false);
  });
});
