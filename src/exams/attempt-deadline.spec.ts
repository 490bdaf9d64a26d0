import { allowedSecondsFor, attemptTiming, minutesLeft, windowCutsAccommodation } from './attempt-deadline';

const at = (iso: string) => new Date(iso);
// The part 1 final exam: 14 December 2012, 10:00–13:00 Riga time (UTC+2), a 90-minute limit.
const exam = { opensAt: at('2012-12-14T08:00:00Z'), closesAt: at('2012-12-14T11:00:00Z'), timeLimitMinutes: 90 };

describe('the deadline of an attempt', () => {
  it('is the start plus the time limit', () => {
    expect(attemptTiming(at('2012-12-14T08:10:00Z'), exam)).toEqual({
      deadline: at('2012-12-14T09:40:00Z'),
      allowedSeconds: 5400,
      cutByClosing: false,
    });
  });

  it('multiplies the limit by the time factor and adds extra minutes', () => {
    const timing = attemptTiming(at('2012-12-14T08:00:00Z'), exam, { timeFactor: 1.5, extraMinutes: 10, closesAt: null });
    expect(timing).toEqual({ deadline: at('2012-12-14T10:25:00Z'), allowedSeconds: 8700, cutByClosing: false });
  });

  it('is cut by the closing time, and says so', () => {
    expect(attemptTiming(at('2012-12-14T10:00:00Z'), exam)).toEqual({ deadline: exam.closesAt, allowedSeconds: 5400, cutByClosing: true });
    expect(attemptTiming(at('2012-12-14T09:30:00Z'), exam)).toEqual({ deadline: exam.closesAt, allowedSeconds: 5400, cutByClosing: false });
    expect(attemptTiming(at('2012-12-14T09:30:01Z'), exam).cutByClosing).toBe(true);
  });

  it("uses the trainee's own closing time instead of the exam's", () => {
    const own = { timeFactor: 1, extraMinutes: 0, closesAt: at('2012-12-15T11:00:00Z') };
    expect(attemptTiming(at('2012-12-15T09:00:00Z'), exam, own).deadline).toEqual(at('2012-12-15T10:30:00Z'));
    expect(attemptTiming(at('2012-12-15T10:00:00Z'), exam, own).deadline).toEqual(own.closesAt);
  });

  it('is the closing time when there is no time limit', () => {
    expect(attemptTiming(at('2012-12-14T08:00:00Z'), { ...exam, timeLimitMinutes: null })).toEqual({
      deadline: exam.closesAt,
      allowedSeconds: null,
      cutByClosing: false,
    });
  });

  it('keeps its full length across the last Sunday of October', () => {
    // 25 October 2026: Riga's clocks go from 04:00 EEST back to 03:00 EET; 02:30 local is 23:30 UTC the day before.
    const start = at('2026-10-24T23:30:00Z');
    const timing = attemptTiming(start, { timeLimitMinutes: 120, closesAt: at('2026-10-25T12:00:00Z') });
    expect(timing.deadline.getTime() - start.getTime()).toBe(120 * 60_000);
    expect(timing.deadline.toLocaleString('lv-LV', { timeZone: 'Europe/Riga', hour: '2-digit', minute: '2-digit' })).toBe('03:30');
  });

  it('never loses a second of an accommodation to rounding', () => {
    expect(allowedSecondsFor(7, { timeFactor: 1.33, extraMinutes: 0 })).toBe(559);
    expect(allowedSecondsFor(null, { timeFactor: 2, extraMinutes: 5 })).toBeNull();
  });
});

describe('warnings for staff', () => {
  it('warns when even a start at opening would be cut by the closing time', () => {
    expect(windowCutsAccommodation(exam, { timeFactor: 2, extraMinutes: 0, closesAt: null })).toBe(false);
    expect(windowCutsAccommodation(exam, { timeFactor: 2, extraMinutes: 1, closesAt: null })).toBe(true);
    expect(windowCutsAccommodation(exam, { timeFactor: 2, extraMinutes: 1, closesAt: at('2012-12-14T12:00:00Z') })).toBe(false);
    expect(windowCutsAccommodation({ ...exam, timeLimitMinutes: null }, { timeFactor: 3, extraMinutes: 0, closesAt: null })).toBe(false);
  });

  it('shows whole minutes left, rounded up', () => {
    const deadline = at('2012-12-14T09:40:00Z');
    expect(minutesLeft(deadline, at('2012-12-14T09:30:00Z'))).toBe(10);
    expect(minutesLeft(deadline, at('2012-12-14T09:30:01Z'))).toBe(10);
    expect(minutesLeft(deadline, at('2012-12-14T09:39:59Z'))).toBe(1);
    expect(minutesLeft(deadline, at('2012-12-14T09:41:00Z'))).toBe(0);
  });
});
