import { NO_ACCOMMODATION, type AccommodationTerms } from './attempt-deadline';
import type { ExamAccommodation } from './exam-accommodation.entity';
import type { Exam } from './exam.entity';

/** The accommodation's terms as the deadline rules read them. */
export function accommodationTerms(row: ExamAccommodation | null): AccommodationTerms {
  if (!row) return NO_ACCOMMODATION;
  return { timeFactor: Number(row.timeFactor), extraMinutes: row.extraMinutes, closesAt: row.closesAt };
}

/** The trainee's window: their own opening and closing times where they have them. */
export function windowOf(
  exam: Pick<Exam, 'opensAt' | 'closesAt'>,
  row: Pick<ExamAccommodation, 'opensAt' | 'closesAt'> | null,
): { opensAt: Date | null; closesAt: Date | null } {
  return { opensAt: row?.opensAt ?? exam.opensAt, closesAt: row?.closesAt ?? exam.closesAt };
}

export function attemptsAllowedFor(exam: Pick<Exam, 'attemptsAllowed'>, row: Pick<ExamAccommodation, 'extraAttempts'> | null): number {
  return exam.attemptsAllowed + (row?.extraAttempts ?? 0);
}

/** The pass mark in points for an attempt or result worth `maxPoints`. */
export function passMarkPoints(exam: Pick<Exam, 'passMark' | 'passMarkUnit'>, maxPoints: number): number {
  const mark = Number(exam.passMark);
  return exam.passMarkUnit === 'points' ? mark : Math.round(maxPoints * mark) / 100;
}

export function examAuditView(exam: Exam): Record<string, unknown> {
  return {
    title: exam.title,
    mode: exam.mode,
    sessionId: exam.sessionId,
    retakeOfId: exam.retakeOfId,
    passMark: exam.passMark,
    passMarkUnit: exam.passMarkUnit,
    maxPoints: exam.maxPoints,
    opensAt: exam.opensAt?.toISOString() ?? null,
    closesAt: exam.closesAt?.toISOString() ?? null,
    timeLimitMinutes: exam.timeLimitMinutes,
    attemptsAllowed: exam.attemptsAllowed,
    selection: exam.selection,
    shuffleQuestions: exam.shuffleQuestions,
    shuffleChoices: exam.shuffleChoices,
    resultsShown: exam.resultsShown,
  };
}
