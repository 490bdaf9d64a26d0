import { Injectable } from '@nestjs/common';
import { type Actor, actorHasRole } from '../common/actor';
import { Clock } from '../common/clock';
import { resultsVisible } from './exam-attempts.service';
import { ExamRecords, type TraineeExamRow } from './exam-records.service';
import type { ResultStatus } from './exam-result.entity';
import type { ExamMode } from './exam.entity';
import { attemptsAllowedFor, windowOf } from './exam-terms';
import { myExamState, type MyExamState } from './my-exam-state';

/** One exam as its trainee sees it from their start page: when, where, and where they stand. */
export interface MyExam {
  id: string;
  title: string;
  mode: ExamMode;
  cohortId: string;
  cohortName: string;
  retake: boolean;
  /** Their window, with their accommodation (online). */
  opensAt: Date | null;
  closesAt: Date | null;
  sitting: {
    sessionId: string;
    startsAt: Date;
    endsAt: Date;
    address: string | null;
    room: string | null;
    onlineUrl: string | null;
    cancelled: boolean;
  } | null;
  attemptsAllowed: number;
  attemptsUsed: number;
  inProgress: { attemptId: string; deadlineAt: Date } | null;
  state: MyExamState;
  /** Their result, only once it is shown to them. */
  result: { status: ResultStatus; score: number | null; maxPoints: number } | null;
}

/**
 * A trainee's exams in the cohorts they take part in now, read in one statement: the rules of the window, the
 * attempts allowed and who sees a result are the exam feature's own (exam-terms.ts, `resultsVisible`).
 */
@Injectable()
export class MyExamsService {
  constructor(
    private readonly records: ExamRecords,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, limit = 20): Promise<MyExam[]> {
    if (!actor.userId || !actorHasRole(actor, 'trainee')) return [];
    const now = this.clock.now();
    return (await this.records.traineeExams(actor.userId, limit)).map((row) => this.view(row, now));
  }

  private view(row: TraineeExamRow, now: Date): MyExam {
    const exam = { opensAt: row.opens_at, closesAt: row.closes_at, attemptsAllowed: row.attempts_allowed };
    const accommodation =
      row.acc_extra_attempts === null
        ? null
        : { opensAt: row.acc_opens_at, closesAt: row.acc_closes_at, extraAttempts: row.acc_extra_attempts };
    const window = windowOf(exam, accommodation);
    const attemptsAllowed = attemptsAllowedFor(exam, accommodation);
    const attempts = [
      ...Array.from({ length: row.attempts_submitted }, () => ({ status: 'submitted' as const, needsMarking: row.needs_marking })),
      ...(row.in_progress_id ? [{ status: 'in_progress' as const, needsMarking: false }] : []),
    ];
    const visible = resultsVisible({ releasedAt: row.released_at, resultsShown: row.results_shown }, attempts);
    const shown = visible && row.result_status && row.result_status !== 'pending' ? row.result_status : null;
    const inProgress =
      row.in_progress_id && row.in_progress_deadline ? { attemptId: row.in_progress_id, deadlineAt: row.in_progress_deadline } : null;
    const sitting =
      row.session_id && row.sitting_starts_at && row.sitting_ends_at
        ? {
            sessionId: row.session_id,
            startsAt: row.sitting_starts_at,
            endsAt: row.sitting_ends_at,
            address: row.sitting_address,
            room: row.sitting_room,
            onlineUrl: row.sitting_online_url,
            cancelled: row.sitting_status === 'cancelled',
          }
        : null;
    return {
      id: row.id,
      title: row.title,
      mode: row.mode,
      cohortId: row.cohort_id,
      cohortName: row.cohort_name,
      retake: row.retake_of_id !== null,
      ...window,
      sitting,
      attemptsAllowed,
      attemptsUsed: row.attempts_used,
      inProgress,
      state: myExamState(
        {
          mode: row.mode,
          ...window,
          sittingStartsAt: sitting && !sitting.cancelled ? sitting.startsAt : null,
          attemptsAllowed,
          attemptsUsed: row.attempts_used,
          submittedAttempts: row.attempts_submitted,
          inProgressDeadline: inProgress?.deadlineAt ?? null,
          shownResult: shown,
        },
        now,
      ),
      result: shown
        ? { status: shown, score: row.result_score === null ? null : Number(row.result_score), maxPoints: Number(row.max_points) }
        : null,
    };
  }
}
