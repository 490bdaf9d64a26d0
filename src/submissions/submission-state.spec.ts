import { deadlinesFor, lateSecondsAt, submissionState, windowAt } from './submission-state';

const due = new Date('2012-11-30T20:00:00Z');
const cutoff = new Date('2012-12-02T20:00:00Z');
const opens = new Date('2012-10-15T07:00:00Z');
const assignment = { opensAt: opens, dueAt: due, cutoffAt: cutoff };
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('submission state', () => {
  const submitted = (at: Date, version = 1) => ({ submittedVersion: version, submittedAt: at, returnedAt: null });

  it('is not submitted without a submission, a draft before the first submit', () => {
    expect(submissionState(null, null, due)).toBe('not_submitted');
    expect(submissionState({ submittedVersion: 0, submittedAt: null, returnedAt: null }, null, due)).toBe('draft');
  });

  it('counts exactly the due time as on time and a second after as late', () => {
    expect(submissionState(submitted(due), null, due)).toBe('submitted');
    expect(submissionState(submitted(plus(due, 1000)), null, due)).toBe('late');
    expect(submissionState(submitted(plus(due, 1000)), null, plus(due, 86_400_000))).toBe('submitted');
  });

  it('is graded only by a released grade of the latest submitted version', () => {
    expect(submissionState(submitted(due), { status: 'draft', versionNumber: 1 }, due)).toBe('submitted');
    expect(submissionState(submitted(due), { status: 'released', versionNumber: 1 }, due)).toBe('graded');
    expect(submissionState(submitted(due, 2), { status: 'released', versionNumber: 1 }, due)).toBe('submitted');
  });

  it('is returned while the work waits for its revision', () => {
    expect(submissionState({ ...submitted(due), returnedAt: plus(due, 5000) }, { status: 'released', versionNumber: 1 }, due)).toBe('returned');
  });
});

describe('deadlines and the submission window', () => {
  it('takes the extension over the assignment, and a revision due time over both', () => {
    const extension = { dueAt: plus(due, 86_400_000), cutoffAt: plus(cutoff, 86_400_000) };
    expect(deadlinesFor(assignment, null, null)).toMatchObject({ dueAt: due, cutoffAt: cutoff, extended: false });
    expect(deadlinesFor(assignment, extension, null)).toMatchObject({ dueAt: extension.dueAt, cutoffAt: extension.cutoffAt, extended: true });
    const revisionDueAt = plus(cutoff, 7 * 86_400_000);
    expect(deadlinesFor(assignment, extension, { revisionDueAt })).toMatchObject({ dueAt: revisionDueAt, revision: true });
  });

  it('is open from the opening time, late after the due time, closed at the cut-off', () => {
    const d = deadlinesFor(assignment, null, null);
    expect(windowAt(d, plus(opens, -1))).toEqual({ kind: 'notOpen' });
    expect(windowAt(d, opens)).toEqual({ kind: 'open', lateSeconds: 0 });
    expect(windowAt(d, due)).toEqual({ kind: 'open', lateSeconds: 0 });
    expect(windowAt(d, plus(due, 1000))).toEqual({ kind: 'open', lateSeconds: 1 });
    expect(windowAt(d, plus(cutoff, -1))).toEqual({ kind: 'open', lateSeconds: 172_800 });
    expect(windowAt(d, cutoff)).toEqual({ kind: 'closed' });
  });

  it('accepts a revision up to and including its due time, never as late', () => {
    const d = deadlinesFor(assignment, null, { revisionDueAt: plus(cutoff, 1000) });
    expect(windowAt(d, plus(cutoff, 1000))).toEqual({ kind: 'open', lateSeconds: 0 });
    expect(windowAt(d, plus(cutoff, 1001))).toEqual({ kind: 'closed' });
  });

  it('rounds lateness up to whole seconds', () => {
    expect(lateSecondsAt(plus(due, 1), due)).toBe(1);
    expect(lateSecondsAt(due, due)).toBe(0);
    expect(lateSecondsAt(plus(due, -5000), due)).toBe(0);
  });
});
