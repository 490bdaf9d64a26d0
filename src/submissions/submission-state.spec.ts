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
    expect(submissionState({ ...submitted(due), returnedAt: plus(due, 5000) }, { status: 'released', versionNumber: 1 }, due)).toBe(
      'returned',
    );
  });
});

describe('deadlines and the submission window', () => {
  it('takes the extension over the assignment, and a revision due time over both', () => {
    const extension = { dueAt: plus(due, 86_400_000), cutoffAt: plus(cutoff, 86_400_000) };
    expect(deadlinesFor(assignment, null, null)).toMatchObject({ dueAt: due, cutoffAt: cutoff, extended: false });
    expect(deadlinesFor(assignment, extension, null)).toMatchObject({
      dueAt: extension.dueAt,
      cutoffAt: extension.cutoffAt,
      extended: true,
    });
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

describe('submission state at its edges', () => {
  const facts = (submittedVersion: number, submittedAt: Date | null) => ({ submittedVersion, submittedAt, returnedAt: null });

  it('is a draft while either the submitted version or its time is missing', () => {
    expect(submissionState(facts(0, due), null, due)).toBe('draft');
    expect(submissionState(facts(1, null), null, due)).toBe('draft');
  });

  it('is late from the first millisecond after the due time', () => {
    expect(submissionState(facts(1, plus(due, 1)), null, due)).toBe('late');
    expect(submissionState(facts(1, plus(due, -1)), null, due)).toBe('submitted');
  });

  it('is graded by a released grade even when the work came in late', () => {
    expect(submissionState(facts(2, plus(due, 5000)), { status: 'released', versionNumber: 2 }, due)).toBe('graded');
  });

  it('rounds any part of a second up, and counts whole seconds as they are', () => {
    expect(lateSecondsAt(plus(due, 1500), due)).toBe(2);
    expect(lateSecondsAt(plus(due, 3000), due)).toBe(3);
  });
});

describe('deadlines in full', () => {
  it("gives the assignment's times when there is no extension", () => {
    expect(deadlinesFor(assignment, null, { revisionDueAt: null })).toEqual({
      opensAt: opens,
      dueAt: due,
      cutoffAt: cutoff,
      revision: false,
      extended: false,
    });
  });

  it("gives an extension's times and the assignment's opening", () => {
    const extension = { dueAt: plus(due, 86_400_000), cutoffAt: plus(cutoff, 86_400_000) };
    expect(deadlinesFor(assignment, extension, null)).toEqual({
      opensAt: opens,
      dueAt: extension.dueAt,
      cutoffAt: extension.cutoffAt,
      revision: false,
      extended: true,
    });
  });

  it('closes a revision one millisecond after its due time', () => {
    const revisionDueAt = plus(cutoff, 7 * 86_400_000);
    expect(deadlinesFor(assignment, null, { revisionDueAt })).toEqual({
      opensAt: opens,
      dueAt: revisionDueAt,
      cutoffAt: plus(revisionDueAt, 1),
      revision: true,
      extended: false,
    });
  });

  it('never counts a revision as late, whatever its window', () => {
    const revision = { opensAt: opens, dueAt: due, cutoffAt: cutoff, revision: true, extended: false };
    expect(windowAt(revision, plus(due, 60_000))).toEqual({ kind: 'open', lateSeconds: 0 });
  });
});
