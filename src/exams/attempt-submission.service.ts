import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CompletionService } from '../completion/completion.service';
import { AppConfig } from '../config/app-config';
import { unitOfWork } from '../database/unit-of-work';
import { ExamAttemptEvent } from './exam-attempt-event.entity';
import { ExamAttemptItem } from './exam-attempt-item.entity';
import { ExamAttempt, type SubmittedBy } from './exam-attempt.entity';
import { ExamRecords, type ItemMark } from './exam-records.service';
import { ExamResult, type ResultStatus } from './exam-result.entity';
import { Exam } from './exam.entity';
import { passMarkPoints } from './exam-terms';
import { markResponse } from './marking';
import { QuestionVersion } from './question-version.entity';

/**
 * Hands in an attempt exactly once and marks it. Three roads lead here — the trainee, the timed job at the
 * deadline, the sweeper (and any read past the deadline) — and one conditional UPDATE decides which one wins.
 */
@Injectable()
export class AttemptSubmission {
  private readonly logger = new Logger(AttemptSubmission.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly records: ExamRecords,
    private readonly completion: CompletionService,
  ) {}

  /** Seconds after the deadline an answer in transit is still accepted. */
  get graceMs(): number {
    return this.config.env.EXAM_GRACE_SECONDS * 1000;
  }

  /** When the attempt is submitted if the trainee does not: the deadline plus the grace. */
  closesAt(attempt: Pick<ExamAttempt, 'deadlineAt'>): Date {
    return new Date(attempt.deadlineAt.getTime() + this.graceMs);
  }

  isPastDeadline(attempt: Pick<ExamAttempt, 'deadlineAt'>, now = new Date()): boolean {
    return now.getTime() > this.closesAt(attempt).getTime();
  }

  /**
   * Submits the attempt if it is still in progress; returns whether this call did it. `by` 'deadline' submits
   * only once the deadline and its grace have passed.
   */
  async submit(attemptId: string, by: SubmittedBy, meta: { ip?: string | null } = {}): Promise<boolean> {
    return unitOfWork(this.dataSource, async (manager) => {
      const grace = `make_interval(secs => ${Number(this.config.env.EXAM_GRACE_SECONDS)})`;
      const condition = by === 'deadline' ? `AND now() > deadline_at + ${grace}` : '';
      const [rows] = (await manager.query(
        `UPDATE exam_attempts SET status = 'submitted', submitted_at = LEAST(now(), deadline_at + ${grace}), submitted_by = $2
          WHERE id = $1 AND status = 'in_progress' ${condition}
          RETURNING id`,
        [attemptId, by],
      )) as [{ id: string }[], number];
      if (!rows.length) return false;
      const attempt = (await manager.getRepository(ExamAttempt).findOne({ where: { id: attemptId } }))!;
      await this.mark(manager, attempt);
      await manager.getRepository(ExamAttemptEvent).insert({
        attemptId,
        kind: by === 'deadline' ? 'timeout' : 'submit',
        detail: { by },
        ip: meta.ip ?? null,
      });
      await this.updateResult(manager, attempt.examId, attempt.userId);
      this.logger.log({ attemptId, by }, 'Exam attempt submitted');
      return true;
    });
  }

  /** Marks the closed questions; essays wait for an instructor. */
  private async mark(manager: EntityManager, attempt: ExamAttempt): Promise<void> {
    const items = await manager
      .getRepository(ExamAttemptItem)
      .createQueryBuilder('i')
      .innerJoinAndMapOne('i.questionVersion', QuestionVersion, 'v', 'v.id = i.questionVersionId')
      .where('i.attemptId = :id', { id: attempt.id })
      .orderBy('i.position')
      .getMany();
    let score = 0;
    let needsMarking = false;
    const marks: ItemMark[] = items.map((item) => {
      const mark = markResponse(item.questionVersion.body, item.response, Number(item.points));
      if (mark.state === 'manual') {
        needsMarking = needsMarking || item.response !== null;
        return item.response === null
          ? { id: item.id, markState: 'marked', fraction: '0', awarded: '0' }
          : { id: item.id, markState: 'manual', fraction: null, awarded: null };
      }
      score += mark.points;
      return { id: item.id, markState: 'marked', fraction: mark.fraction.toFixed(4), awarded: mark.points.toFixed(2) };
    });
    await this.records.markItems(manager, marks, new Date());
    attempt.score = needsMarking ? null : score.toFixed(2);
    attempt.needsMarking = needsMarking;
    await manager.update(ExamAttempt, { id: attempt.id }, { score: attempt.score, needsMarking });
  }

  /**
   * Sets the trainee's result from their submitted attempts: the best one (by share of its maximum) counts.
   * While any attempt waits for an essay to be marked the result is pending. A result overridden by staff
   * (with a reason) is left as it is.
   */
  async updateResult(manager: EntityManager, examId: string, userId: string): Promise<void> {
    const exam = (await manager.getRepository(Exam).findOne({ where: { id: examId } }))!;
    const attempts = await manager.getRepository(ExamAttempt).find({ where: { examId, userId, status: 'submitted' } });
    if (!attempts.length) return;
    const marked = attempts.filter((a) => !a.needsMarking && a.score !== null);
    const best = marked.sort((a, b) => share(b) - share(a) || a.number - b.number)[0] ?? null;
    const pending = attempts.some((a) => a.needsMarking);
    const status: ResultStatus =
      pending || !best ? 'pending' : Number(best.score) >= passMarkPoints(exam, Number(best.maxPoints)) - 1e-9 ? 'passed' : 'failed';
    await manager.query(
      `INSERT INTO exam_results (exam_id, user_id, status, score, attempt_id, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, 1, now())
       ON CONFLICT (exam_id, user_id) DO UPDATE
         SET status = EXCLUDED.status, score = EXCLUDED.score, attempt_id = EXCLUDED.attempt_id,
             version = exam_results.version + 1, updated_at = now(), updated_by_id = NULL
       WHERE exam_results.overridden_reason IS NULL`,
      [examId, userId, status, best?.score ?? null, best?.id ?? null],
    );
    // Handing in, marking an essay and marking again after a key fix all come here.
    await this.completion.reevaluate(manager, { cohortId: exam.cohortId, userIds: [userId] });
  }

  async result(examId: string, userId: string): Promise<ExamResult | null> {
    return this.dataSource.getRepository(ExamResult).findOne({ where: { examId, userId } });
  }
}

const share = (a: ExamAttempt) => (Number(a.maxPoints) > 0 ? Number(a.score) / Number(a.maxPoints) : 0);
