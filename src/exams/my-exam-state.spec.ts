import { myExamState, type MyExamFacts } from './my-exam-state';

const at = (iso: string) => new Date(iso);
// The part 1 final exam online: 14 December 2012, 10:00–13:00 Riga time (UTC+2), one attempt.
const online: MyExamFacts = {
  mode: 'online',
  opensAt: at('2012-12-14T08:00:00Z'),
  closesAt: at('2012-12-14T11:00:00Z'),
  sittingStartsAt: at('2012-12-14T08:00:00Z'),
  attemptsAllowed: 1,
  attemptsUsed: 0,
  submittedAttempts: 0,
  inProgressDeadline: null,
  shownResult: null,
};
const inPerson: MyExamFacts = { ...online, mode: 'in_person', opensAt: null, closesAt: null };

describe("a trainee's state on an exam", () => {
  it('is upcoming before the window opens, open inside it and missed once it closed untouched', () => {
    expect(myExamState(online, at('2012-12-14T07:59:59Z'))).toBe('upcoming');
    expect(myExamState(online, at('2012-12-14T08:00:00Z'))).toBe('open');
    expect(myExamState(online, at('2012-12-14T10:59:59Z'))).toBe('open');
    expect(myExamState(online, at('2012-12-14T11:00:00Z'))).toBe('missed');
  });

  it('is in progress while an attempt runs, and awaiting the result once its deadline passed or it was handed in', () => {
    const running = { ...online, attemptsUsed: 1, inProgressDeadline: at('2012-12-14T09:30:00Z') };
    expect(myExamState(running, at('2012-12-14T09:29:59Z'))).toBe('in_progress');
    expect(myExamState(running, at('2012-12-14T09:30:00Z'))).toBe('awaiting_result');
    expect(myExamState({ ...online, attemptsUsed: 1, submittedAttempts: 1 }, at('2012-12-14T09:00:00Z'))).toBe('awaiting_result');
    expect(myExamState({ ...online, attemptsUsed: 1, submittedAttempts: 1 }, at('2012-12-20T09:00:00Z'))).toBe('awaiting_result');
  });

  it('stays open while attempts are left after one handed in, and shows the result once it is shown', () => {
    const twice = { ...online, attemptsAllowed: 2, attemptsUsed: 1, submittedAttempts: 1 };
    expect(myExamState(twice, at('2012-12-14T09:00:00Z'))).toBe('awaiting_result');
    expect(myExamState({ ...twice, submittedAttempts: 0 }, at('2012-12-14T09:00:00Z'))).toBe('open');
    expect(myExamState({ ...twice, shownResult: 'failed' }, at('2012-12-14T09:00:00Z'))).toBe('result');
    expect(myExamState({ ...online, shownResult: 'pending' }, at('2012-12-14T09:00:00Z'))).toBe('open');
  });

  it('is upcoming until a sitting in person starts, then awaits its result', () => {
    expect(myExamState(inPerson, at('2012-12-14T07:00:00Z'))).toBe('upcoming');
    expect(myExamState(inPerson, at('2012-12-14T08:00:00Z'))).toBe('awaiting_result');
    expect(myExamState({ ...inPerson, sittingStartsAt: null }, at('2012-12-14T08:00:00Z'))).toBe('upcoming');
    expect(myExamState({ ...inPerson, shownResult: 'absent' }, at('2012-12-14T08:00:00Z'))).toBe('result');
  });

  it('is upcoming while an online exam has no closing time yet', () => {
    expect(myExamState({ ...online, opensAt: null, closesAt: null }, at('2012-12-14T09:00:00Z'))).toBe('upcoming');
  });
});
