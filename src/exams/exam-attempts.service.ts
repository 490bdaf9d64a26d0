import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { UnauthenticatedError } from '../common/errors';
import { lockRow } from '../database/row-locks';
import { afterCommit, unitOfWork } from '../database/unit-of-work';
import { allowedSecondsFor, attemptTiming } from './attempt-deadline';
import { AttemptSubmission } from './attempt-submission.service';
import { ExamAccess } from './exam-access.service';
import { ExamAttemptEvent } from './exam-attempt-event.entity';
import { ExamAttemptItem } from './exam-attempt-item.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamLateAnswer } from './exam-late-answer.entity';
import { ExamRecords, type LockedAttempt } from './exam-records.service';
import { ExamResult } from './exam-result.entity';
import { accommodationTerms, attemptsAllowedFor, windowOf } from './exam-terms';
import { Exam } from './exam.entity';
import { EXAM_DEADLINE_QUEUE, type ExamDeadlineJob } from './exams.constants';
import {
  AnswerKindError,
  AnswerTooLateError,
  AttemptClosedError,
  AttemptNotFoundError,
  ExamNotOpenError,
  NoAttemptsLeftError,
  NoSuchQuestionPositionError,
  NotATraineeOfCohortError,
} from './exams.errors';
import type { SaveAnswerInput } from './exams.schemas';
import { ExamsService } from './exams.service';
import type { QuestionResponse } from './marking';
import type { QuestionBody } from './question-body';
import { drawQuestions, seededRandom, shuffled } from './question-draw';
import { QuestionVersion } from './question-version.entity';

/** What a trainee is told about an exam before starting: their time, window and attempts. */
export interface ExamStanding {
  exam: Exam;
  opensAt: Date | null;
  closesAt: Date | null;
  /** The time they have, with their accommodation; null without a time limit. */
  allowedSeconds: number | null;
  attemptsAllowed: number;
  attempts: ExamAttempt[];
  inProgress: ExamAttempt | null;
  canStart: boolean;
  /** Why not, as a locale key. */
  reason: string | null;
  result: ExamResult | null;
  resultVisible: boolean;
}

/** An item with the question version it drew, as the attempt's pages and API read it. */
export type LoadedItem = ExamAttemptItem & { questionVersion: QuestionVersion };

export interface LoadedAttempt {
  attempt: ExamAttempt;
  exam: Exam;
  items: LoadedItem[];
  /** The viewer is staff of the cohort, not the trainee. */
  asStaff: boolean;
  resultVisible: boolean;
}

export type SaveOutcome = { saved: true; seq: number; savedAt: Date } | { saved: false; seq: number; savedAt: Date | null };

/** Taking an online exam: starting an attempt, reading it, saving answers, flags, handing it in. */
@Injectable()
export class ExamAttemptsService {
  private readonly logger = new Logger(ExamAttemptsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(EXAM_DEADLINE_QUEUE) private readonly deadlines: Queue<ExamDeadlineJob>,
    private readonly exams: ExamsService,
    private readonly access: ExamAccess,
    private readonly records: ExamRecords,
    private readonly submission: AttemptSubmission,
    private readonly clock: Clock,
  ) {}

  private userOf(actor: Actor): string {
    if (!actor.userId) throw new UnauthenticatedError();
    return actor.userId;
  }

  /** The exam as one trainee sees it: their time, window and attempts, and whether they may start now. */
  async standing(actor: Actor, examId: string): Promise<ExamStanding> {
    const now = this.clock.now();
    const exam = await this.exams.getVisible(actor, examId);
    const userId = this.userOf(actor);
    await this.closeOverdue(exam.id, userId);
    const accommodation = await this.exams.accommodationOf(exam.id, userId);
    const window = windowOf(exam, accommodation);
    const attempts = await this.dataSource.getRepository(ExamAttempt).find({ where: { examId, userId }, order: { number: 'ASC' } });
    const attemptsAllowed = attemptsAllowedFor(exam, accommodation);
    const inProgress = attempts.find((a) => a.status === 'in_progress') ?? null;
    const result = await this.dataSource.getRepository(ExamResult).findOne({ where: { examId, userId } });
    const reason = inProgress ? null : await this.whyNot(exam, userId, window, attempts.length, attemptsAllowed, now);
    return {
      exam,
      ...window,
      allowedSeconds: allowedSecondsFor(exam.timeLimitMinutes, accommodationTerms(accommodation)),
      attemptsAllowed,
      attempts,
      inProgress,
      canStart: !inProgress && reason === null,
      reason,
      result,
      resultVisible: resultsVisible(exam, attempts),
    };
  }

  private async whyNot(
    exam: Exam,
    userId: string,
    window: { opensAt: Date | null; closesAt: Date | null },
    used: number,
    allowed: number,
    now: Date,
    manager?: EntityManager,
  ): Promise<string | null> {
    if (exam.mode !== 'online') return 'exams.errors.notOnline';
    if (!(await this.exams.mayTake(exam, userId, manager))) return 'exams.errors.notMember';
    if (window.opensAt && now < window.opensAt) return 'exams.errors.notOpenYet';
    if (!window.closesAt || now >= window.closesAt) return 'exams.errors.closed';
    if (used >= allowed) return 'exams.errors.noAttemptsLeft';
    return null;
  }

  /**
   * Starts an attempt, or returns the one in progress. In one unit of work: the exam row is locked so two
   * starts queue up; the questions are drawn from the attempt's seed (a reload shows the same ones in the same
   * order) and the deadline is stored. The timed job that submits it is queued once the attempt is committed.
   */
  async start(actor: Actor, examId: string): Promise<ExamAttempt> {
    const userId = this.userOf(actor);
    const exam = await this.exams.getVisible(actor, examId);
    await this.closeOverdue(exam.id, userId);
    return unitOfWork(this.dataSource, async (manager) => {
      await lockRow(manager, Exam, examId);
      const repo = manager.getRepository(ExamAttempt);
      const current = await repo.findOne({ where: { examId, userId, status: 'in_progress' } });
      if (current) return current;
      const now = this.clock.now();
      const accommodation = await this.exams.accommodationOf(examId, userId, manager);
      const window = windowOf(exam, accommodation);
      const used = await repo.count({ where: { examId, userId } });
      // In the transaction: a second pooled connection taken while the exam's row is locked would leave a full
      // pool waiting on itself when more trainees start at once than the pool has connections.
      const reason = await this.whyNot(exam, userId, window, used, attemptsAllowedFor(exam, accommodation), now, manager);
      if (reason === 'exams.errors.notMember') throw new NotATraineeOfCohortError();
      if (reason === 'exams.errors.noAttemptsLeft') throw new NoAttemptsLeftError();
      if (reason) throw new ExamNotOpenError(reason as 'exams.errors.closed');
      const timing = attemptTiming(
        now,
        { timeLimitMinutes: exam.timeLimitMinutes, closesAt: window.closesAt! },
        accommodationTerms(accommodation),
      );
      const seed = randomUUID();
      const drawn = await this.draw(manager, exam, seed);
      const attempt = await repo.save(
        repo.create({
          examId,
          userId,
          number: used + 1,
          status: 'in_progress',
          startedAt: now,
          deadlineAt: timing.deadline,
          seed,
          maxPoints: drawn.reduce((sum, d) => sum + d.points, 0).toFixed(2),
        }),
      );
      await manager.getRepository(ExamAttemptItem).insert(
        drawn.map((d, i) => ({
          attemptId: attempt.id,
          position: i + 1,
          questionVersionId: d.versionId,
          points: d.points.toFixed(2),
          choiceOrder: d.choiceOrder,
        })),
      );
      await this.records.logEvent(
        manager,
        attempt.id,
        'start',
        { deadlineAt: timing.deadline.toISOString(), cutByClosing: timing.cutByClosing },
        actor.ip,
      );
      const closesAt = this.submission.closesAt(attempt);
      await afterCommit(manager, () =>
        this.deadlines.add(
          'submit',
          { attemptId: attempt.id },
          { jobId: attempt.id, delay: Math.max(0, closesAt.getTime() - Date.now()), removeOnComplete: true, removeOnFail: 1000 },
        ),
      );
      return attempt;
    });
  }

  private async draw(manager: EntityManager, exam: Exam, seed: string) {
    const selection = exam.selection!;
    const partId = (await this.records.partOfCohort(exam.cohortId, manager))!;
    const versions = await this.records.currentVersions(
      partId,
      selection.kind === 'fixed' ? { questionIds: selection.questionIds } : { categoryIds: selection.categories.map((c) => c.categoryId) },
      manager,
    );
    const byQuestion = new Map(versions.map((v) => [v.questionId, v]));
    const byCategory = new Map<string, string[]>();
    for (const v of versions) byCategory.set(v.categoryId, [...(byCategory.get(v.categoryId) ?? []), v.questionId]);
    const random = seededRandom(seed);
    const ids = drawQuestions(
      selection.kind === 'fixed' ? { kind: 'fixed', questionIds: selection.questionIds.filter((id) => byQuestion.has(id)) } : selection,
      byCategory,
      { shuffle: exam.shuffleQuestions, random },
    );
    return ids.map((id) => {
      const v = byQuestion.get(id)!;
      const choices = v.body.kind === 'single' || v.body.kind === 'multiple' ? v.body.choices.map((c) => c.id) : null;
      return { ...v, choiceOrder: choices && exam.shuffleChoices ? shuffled(choices, random) : choices };
    });
  }

  /**
   * The attempt with its questions, for its trainee or the cohort's staff. Reading an attempt past its deadline
   * (and grace) submits it first, so it is closed even when Redis lost its timed job.
   */
  async load(actor: Actor, attemptId: string, { logView = false, position = null as number | null } = {}): Promise<LoadedAttempt> {
    let attempt = await this.dataSource.getRepository(ExamAttempt).findOne({ where: { id: attemptId } });
    if (!attempt) throw new AttemptNotFoundError();
    const exam = await this.exams.get(attempt.examId);
    const own = actor.userId !== null && actor.userId === attempt.userId;
    const asStaff = !own && (await this.access.canManage(actor, exam.cohortId));
    if (!own && !asStaff) throw new AttemptNotFoundError();
    if (attempt.status === 'in_progress' && this.submission.isPastDeadline(attempt)) {
      await this.submission.submit(attempt.id, 'deadline');
      attempt = (await this.dataSource.getRepository(ExamAttempt).findOne({ where: { id: attemptId } }))!;
    }
    if (own && logView && attempt.status === 'in_progress')
      await this.records.logEvent(this.dataSource.manager, attempt.id, 'view', { position }, actor.ip);
    const items = (await this.dataSource
      .getRepository(ExamAttemptItem)
      .createQueryBuilder('i')
      .innerJoinAndMapOne('i.questionVersion', QuestionVersion, 'v', 'v.id = i.questionVersionId')
      .where('i.attemptId = :id', { id: attemptId })
      .orderBy('i.position')
      .getMany()) as LoadedItem[];
    const siblings = await this.dataSource.getRepository(ExamAttempt).find({ where: { examId: exam.id, userId: attempt.userId } });
    return { attempt, exam, items, asStaff, resultVisible: resultsVisible(exam, siblings) };
  }

  /** The trainee's own attempt, its row locked until the unit of work ends, or why it cannot be changed. */
  private async ownLockedAttempt(manager: EntityManager, actor: Actor, attemptId: string): Promise<LockedAttempt> {
    const attempt = await this.records.lockAttempt(manager, attemptId);
    if (!attempt || attempt.userId !== actor.userId) throw new AttemptNotFoundError();
    return attempt;
  }

  /**
   * A numbered save. The answer is written by one statement that locks the attempt's row first and writes only
   * while the attempt is in progress and within its deadline and grace, so a save and the submission never cross:
   * a save either lands before the attempt is marked or finds it submitted. A save numbered at or below the one
   * kept changes nothing (a repeat, or one overtaken on the network). After the deadline and its grace the answer
   * is refused and kept apart as evidence.
   */
  async save(actor: Actor, attemptId: string, position: number, input: SaveAnswerInput): Promise<SaveOutcome> {
    const slot = await this.records.answerSlot(attemptId, position);
    if (!slot || slot.userId !== actor.userId) throw new AttemptNotFoundError();
    const item = slot.item;
    if (!item) throw new NoSuchQuestionPositionError();
    const at = new Date();
    if (slot.status === 'in_progress' && !this.submission.isPastDeadline(slot, at)) {
      checkResponse(item.body, input.response);
      if (input.seq <= item.responseSeq) return { saved: false, seq: item.responseSeq, savedAt: item.savedAt };
      const written = await this.records.writeAnswer({
        attemptId,
        itemId: item.id,
        position,
        response: input.response,
        seq: input.seq,
        at,
        deadlineNotBefore: new Date(at.getTime() - this.submission.graceMs),
        ip: actor.ip,
      });
      if (written.saved) return { saved: true, seq: input.seq, savedAt: at };
      // A newer save of the same answer landed between the read and the write.
      if (written.open) return { saved: false, ...(await this.records.keptAnswer(item.id)) };
    }
    await unitOfWork(this.dataSource, async (manager) => {
      await manager.getRepository(ExamLateAnswer).insert({ attemptId, position, response: input.response, seq: input.seq });
      await this.records.logEvent(manager, attemptId, 'late', { position, seq: input.seq }, actor.ip);
    });
    // The attempt may still be open in the table if nothing has closed it yet: close it now.
    await this.submission.submit(attemptId, 'deadline');
    throw new AnswerTooLateError();
  }

  async flag(actor: Actor, attemptId: string, position: number, flagged: boolean): Promise<void> {
    await unitOfWork(this.dataSource, async (manager) => {
      const attempt = await this.ownLockedAttempt(manager, actor, attemptId);
      if (attempt.status !== 'in_progress' || this.submission.isPastDeadline(attempt)) throw new AttemptClosedError();
      const result = await manager.update(ExamAttemptItem, { attemptId, position }, { flagged });
      if (!result.affected) throw new NoSuchQuestionPositionError();
      await this.records.logEvent(manager, attemptId, 'flag', { position, flagged }, actor.ip);
    });
  }

  /** The trainee hands the attempt in. Handing in twice is harmless; after the deadline the timed submission stands. */
  async submit(actor: Actor, attemptId: string): Promise<ExamAttempt> {
    const attempt = await this.dataSource.getRepository(ExamAttempt).findOne({ where: { id: attemptId } });
    if (!attempt || attempt.userId !== actor.userId) throw new AttemptNotFoundError();
    if (attempt.status === 'in_progress') {
      await this.submission.submit(attemptId, this.submission.isPastDeadline(attempt) ? 'deadline' : 'trainee', { ip: actor.ip });
    }
    return (await this.dataSource.getRepository(ExamAttempt).findOne({ where: { id: attemptId } }))!;
  }

  /** A page or client came back after losing the connection. */
  async reconnected(actor: Actor, attemptId: string, detail: { pending: number }): Promise<void> {
    const attempt = await this.dataSource.getRepository(ExamAttempt).findOne({ where: { id: attemptId } });
    if (!attempt || attempt.userId !== actor.userId) throw new AttemptNotFoundError();
    await this.records.logEvent(this.dataSource.manager, attemptId, 'reconnect', detail, actor.ip);
  }

  /** What happened during the attempt, in order, for staff. */
  async events(actor: Actor, attemptId: string): Promise<{ loaded: LoadedAttempt; events: ExamAttemptEvent[]; late: ExamLateAnswer[] }> {
    const loaded = await this.load(actor, attemptId);
    if (!loaded.asStaff) throw new AttemptNotFoundError();
    const events = await this.dataSource.getRepository(ExamAttemptEvent).find({ where: { attemptId }, order: { at: 'ASC', id: 'ASC' } });
    const late = await this.dataSource.getRepository(ExamLateAnswer).find({ where: { attemptId }, order: { receivedAt: 'ASC' } });
    return { loaded, events, late };
  }

  /** Attempts of an exam, for staff. */
  async attemptsOf(actor: Actor, examId: string): Promise<(ExamAttempt & { name: string })[]> {
    const exam = await this.exams.getManaged(actor, examId);
    const attempts = await this.dataSource.getRepository(ExamAttempt).find({ where: { examId: exam.id }, order: { startedAt: 'ASC' } });
    const names = await this.records.userNames([...new Set(attempts.map((a) => a.userId))]);
    return attempts.map((a) => Object.assign(a, { name: names.get(a.userId) ?? '' }));
  }

  /** Submits the trainee's attempt in progress if its deadline passed while nobody was looking. */
  private async closeOverdue(examId: string, userId: string): Promise<void> {
    const open = await this.dataSource.getRepository(ExamAttempt).findOne({ where: { examId, userId, status: 'in_progress' } });
    if (open && this.submission.isPastDeadline(open)) await this.submission.submit(open.id, 'deadline');
  }
}

/** Results are shown at once (closed questions, once nothing waits for marking) or when staff release them. */
export function resultsVisible(
  exam: Pick<Exam, 'releasedAt' | 'resultsShown'>,
  attempts: Pick<ExamAttempt, 'status' | 'needsMarking'>[],
): boolean {
  if (exam.releasedAt) return true;
  if (exam.resultsShown !== 'at_once') return false;
  return attempts.some((a) => a.status === 'submitted') && !attempts.some((a) => a.status === 'in_progress' || a.needsMarking);
}

/** The answer must be of the question's kind and name only its choices. */
function checkResponse(body: QuestionBody, response: QuestionResponse): void {
  if (response.kind !== body.kind) throw new AnswerKindError();
  const ids = body.kind === 'single' || body.kind === 'multiple' ? new Set(body.choices.map((c) => c.id)) : null;
  if (response.kind === 'single' && response.choice !== null && !ids!.has(response.choice)) throw new AnswerKindError();
  if (response.kind === 'multiple' && response.choices.some((c) => !ids!.has(c))) throw new AnswerKindError();
}
