const MINUTE = 60_000;

/** What one trainee is allowed beyond the exam's own terms. */
export interface AccommodationTerms {
  /** Multiplies the time limit, e.g. 1.5; 1 when none. */
  timeFactor: number;
  extraMinutes: number;
  /** A closing time of their own, replacing the exam's; null when none. */
  closesAt: Date | null;
}

export const NO_ACCOMMODATION: AccommodationTerms = { timeFactor: 1, extraMinutes: 0, closesAt: null };

export interface AttemptTiming {
  /** When the attempt is submitted, whether or not the trainee is still there. */
  deadline: Date;
  /** The time the trainee has with their accommodation, in whole seconds; null without a time limit. */
  allowedSeconds: number | null;
  /** The closing time came first: the trainee has less than the time limit (with accommodation) gives. */
  cutByClosing: boolean;
}

/**
 * The deadline of an attempt, fixed on the server when it starts: the earlier of start + time limit × time factor
 * + extra minutes, and the trainee's closing time (their own, or the exam's). Times are instants, so an attempt
 * that spans the change from summer time keeps its full length.
 */
export function attemptTiming(
  startedAt: Date,
  exam: { timeLimitMinutes: number | null; closesAt: Date },
  terms: AccommodationTerms = NO_ACCOMMODATION,
): AttemptTiming {
  const closesAt = terms.closesAt ?? exam.closesAt;
  const allowedSeconds = allowedSecondsFor(exam.timeLimitMinutes, terms);
  if (allowedSeconds === null) return { deadline: closesAt, allowedSeconds: null, cutByClosing: false };
  const byLimit = startedAt.getTime() + allowedSeconds * 1000;
  return byLimit <= closesAt.getTime()
    ? { deadline: new Date(byLimit), allowedSeconds, cutByClosing: false }
    : { deadline: closesAt, allowedSeconds, cutByClosing: true };
}

/** Time limit × factor + extra minutes, in whole seconds (rounded up: an accommodation never loses a second). */
export function allowedSecondsFor(
  timeLimitMinutes: number | null,
  terms: Pick<AccommodationTerms, 'timeFactor' | 'extraMinutes'>,
): number | null {
  if (timeLimitMinutes === null) return null;
  return Math.ceil((timeLimitMinutes * terms.timeFactor + terms.extraMinutes) * 60);
}

/**
 * Whether a trainee who starts the moment the window opens would still be cut short by its closing time, so
 * staff are warned when they set the window or the accommodation.
 */
export function windowCutsAccommodation(
  exam: { opensAt: Date; closesAt: Date; timeLimitMinutes: number | null },
  terms: AccommodationTerms,
): boolean {
  const allowed = allowedSecondsFor(exam.timeLimitMinutes, terms);
  if (allowed === null) return false;
  const closesAt = terms.closesAt ?? exam.closesAt;
  return exam.opensAt.getTime() + allowed * 1000 > closesAt.getTime();
}

/** Whole minutes left before the deadline, rounded up, never below zero (what the timer shows). */
export function minutesLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / MINUTE));
}
