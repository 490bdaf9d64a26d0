import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { CompletionService } from '../completion/completion.service';
import { AppConfig } from '../config/app-config';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { OutboxService } from '../notifications/outbox.service';
import { ExamAccess } from './exam-access.service';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamMarkingRecords, type ResultItem, type ResultRow } from './exam-marking-records.service';
import {
  ExamNotReleasableError,
  ExamResultConflictError,
  ExamResultNotFoundError,
  ResultScoreNeededError,
  ResultScoreOutOfRangeError,
} from './exam-marking.errors';
import type { OverrideInput } from './exam-marking.schemas';
import { ExamResult } from './exam-result.entity';
import { Exam } from './exam.entity';
import { ExamNotFoundError } from './exams.errors';
import { resultsVisible } from './exam-attempts.service';

/** The dedup key of the email telling a trainee the exam's results are out. */
export const releasedKey = (examId: string, userId: string) => `exam-released:${examId}:${userId}`;

/** What a trainee sees of their own exam: before release only that it was handed in. */
export interface OwnResult {
  exam: Exam;
  /** 'none': nothing handed in; 'awaiting': handed in, results not out; 'shown': score and answers. */
  state: 'none' | 'awaiting' | 'shown';
  result: ExamResult | null;
  attempt: ExamAttempt | null;
  items: ResultItem[];
}

function resultAuditView(result: ExamResult | null): Record<string, unknown> | null {
  if (!result) return null;
  return { userId: result.userId, status: result.status, score: result.score, overriddenReason: result.overriddenReason };
}

/**
 * The results of an exam: the staff's list, a result set by hand with a reason, the release (each trainee told
 * by email once), and what each trainee sees of their own result — nothing of the key before release.
 */
@Injectable()
export class ExamReleaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ExamAccess,
    private readonly records: ExamMarkingRecords,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly completion: CompletionService,
  ) {}

  async managed(actor: Actor, examId: string): Promise<Exam> {
    const exam = await this.dataSource.getRepository(Exam).findOneBy({ id: examId });
    if (!exam) throw new ExamNotFoundError();
    await this.access.assertCanManage(actor, exam.cohortId);
    return exam;
  }

  async results(actor: Actor, examId: string): Promise<{ exam: Exam; rows: ResultRow[] }> {
    const exam = await this.managed(actor, examId);
    return { exam, rows: await this.records.results(examId, exam.cohortId) };
  }

  async resultOf(actor: Actor, examId: string, userId: string): Promise<{ exam: Exam; row: ResultRow }> {
    const { exam, rows } = await this.results(actor, examId);
    const row = rows.find((r) => r.userId === userId);
    if (!row) throw new ExamResultNotFoundError();
    return { exam, row };
  }

  /**
   * Sets a trainee's result by hand. The reason is kept on the result and shown to staff; marking later leaves
   * an overridden result alone. A stale form (another change since it was read) is refused.
   */
  async override(actor: Actor, examId: string, userId: string, input: OverrideInput): Promise<ExamResult> {
    const { exam } = await this.resultOf(actor, examId, userId);
    if ((input.status === 'passed' || input.status === 'failed') && input.score === undefined) throw new ResultScoreNeededError();
    if (input.score !== undefined && input.score > Number(exam.maxPoints) + 1e-9) throw new ResultScoreOutOfRangeError(exam.maxPoints);
    return unitOfWork(this.dataSource, async (manager) => {
      await lockRow(manager, Exam, examId);
      const repo = manager.getRepository(ExamResult);
      const existing = await repo.findOne({ where: { examId, userId }, lock: { mode: 'pessimistic_write' } });
      if ((existing?.version ?? 0) !== (input.version ?? 0)) {
        const [who]: { name: string }[] = existing?.updatedById
          ? await manager.query('SELECT name FROM users WHERE id = $1', [existing.updatedById])
          : [];
        throw new ExamResultConflictError(who?.name ?? '');
      }
      const before = resultAuditView(existing);
      const row = existing ?? repo.create({ examId, userId, attemptId: null });
      Object.assign(row, {
        status: input.status,
        score: input.score === undefined ? null : input.score.toFixed(2),
        overriddenReason: input.reason,
        updatedById: actor.userId,
      });
      const saved = await repo.save(row);
      await this.audit.record(
        { actor, action: 'exam.result_overridden', entityType: 'exam', entityId: examId, before, after: resultAuditView(saved) },
        manager,
      );
      await this.completion.reevaluate(manager, { cohortId: exam.cohortId, userIds: [userId] });
      return saved;
    });
  }

  /**
   * Releases the exam's results: once every attempt is handed in and marked. Each trainee with a result is
   * emailed once (dedup key per exam and trainee); releasing again sends nothing new.
   */
  async release(actor: Actor, examId: string): Promise<{ exam: Exam; emailed: number }> {
    await this.managed(actor, examId);
    return unitOfWork(this.dataSource, async (manager) => {
      const exam = (await lockRow(manager, Exam, examId))!;
      const [open]: { in_progress: number; unmarked: number }[] = await manager.query(
        `SELECT count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
                count(*) FILTER (WHERE status = 'submitted' AND needs_marking)::int AS unmarked
           FROM exam_attempts WHERE exam_id = $1`,
        [examId],
      );
      if (open.in_progress) throw new ExamNotReleasableError('inProgress', open.in_progress);
      if (open.unmarked) throw new ExamNotReleasableError('unmarked', open.unmarked);
      const first = !exam.releasedAt;
      if (first) {
        exam.releasedAt = new Date();
        await manager.getRepository(Exam).save(exam);
        await this.audit.record(
          { actor, action: 'exam.released', entityType: 'exam', entityId: examId, after: { releasedAt: exam.releasedAt.toISOString() } },
          manager,
        );
      }
      // Once released, every result counts for completion.
      if (first) await this.completion.reevaluate(manager, { cohortId: exam.cohortId });
      const recipients = await this.records.releaseRecipients(examId, manager);
      const ids = await this.outbox.enqueueMany(
        manager,
        recipients.map((person) => ({
          to: { email: person.email, id: person.userId, language: person.language },
          template: 'exam-released',
          category: 'update' as const,
          dedupKey: releasedKey(examId, person.userId),
          data: { name: person.name, title: exam.title, link: this.config.publicUrl(`/exams/${examId}/my-result`) },
        })),
      );
      return { exam, emailed: ids.length };
    });
  }

  /** The trainee's own result: the score, and each answer with the right one, only once results are out. */
  async own(actor: Actor, examId: string): Promise<OwnResult> {
    const exam = await this.dataSource.getRepository(Exam).findOneBy({ id: examId });
    if (!exam || !actor.userId) throw new ExamNotFoundError();
    const result = await this.dataSource.getRepository(ExamResult).findOneBy({ examId, userId: actor.userId });
    if (!result && !(await this.access.isTrainee(actor, exam.cohortId))) throw new ExamNotFoundError();
    const attempts = await this.dataSource
      .getRepository(ExamAttempt)
      .find({ where: { examId, userId: actor.userId, status: 'submitted' }, order: { number: 'ASC' } });
    const attempt = attempts.find((a) => a.id === result?.attemptId) ?? attempts[attempts.length - 1] ?? null;
    if (!attempt && !result) return { exam, state: 'none', result: null, attempt: null, items: [] };
    const all = await this.dataSource.getRepository(ExamAttempt).find({ where: { examId, userId: actor.userId } });
    const shown = resultsVisible(exam, all);
    if (!shown) return { exam, state: 'awaiting', result: null, attempt, items: [] };
    return { exam, state: 'shown', result, attempt, items: attempt ? await this.records.resultItems(attempt.id) : [] };
  }
}
