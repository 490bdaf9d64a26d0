import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { ExamAccess } from './exam-access.service';
import { ExamAttemptItem } from './exam-attempt-item.entity';
import {
  ExamMarkingRecords,
  type EssayGroup,
  type EssaysWaiting,
  type ItemForMarking,
  type WalkStep,
} from './exam-marking-records.service';
import { AttemptNotSubmittedError, AwardedOutOfRangeError, ExamItemNotFoundError, ExamMarkConflictError } from './exam-marking.errors';
import type { MarkInput } from './exam-marking.schemas';
import { AttemptSubmission } from './attempt-submission.service';
import { rescoreAttempt } from './exam-scores';
import { Exam } from './exam.entity';
import { ExamNotFoundError } from './exams.errors';

/** An answer with its place in the walk across the attempts of its question. */
export interface MarkingStep {
  item: ItemForMarking;
  steps: WalkStep[];
  index: number;
  previous: string | null;
  next: string | null;
  /** The next answer still to mark after this one (wrapping round), or null when none is left. */
  nextToMark: string | null;
}

/**
 * Instructors mark answers by hand (essays; any answer can be corrected). Two markers never overwrite each other:
 * a mark names the item's version its form was read at, and a stale one is refused naming who marked meanwhile.
 * The attempt's score and the trainee's result follow in the same unit of work.
 */
@Injectable()
export class ExamMarkingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ExamAccess,
    private readonly records: ExamMarkingRecords,
    private readonly audit: AuditService,
    private readonly submission: AttemptSubmission,
  ) {}

  /** The essay questions waiting in the exams the actor marks (all for administrators). */
  async queue(actor: Actor, examId: string | null): Promise<EssayGroup[]> {
    if (examId) {
      const exam = await this.dataSource.getRepository(Exam).findOneBy({ id: examId });
      if (!exam) throw new ExamNotFoundError();
      await this.access.assertCanManage(actor, exam.cohortId);
    }
    return this.records.essayGroups(this.teacherOf(actor), examId);
  }

  /**
   * Per exam, the essay answers still to mark in the exams the actor marks (all for administrators), of attempts
   * handed in before `before` when it is given (overdue marking).
   */
  waiting(actor: Actor, before: Date | null = null): Promise<EssaysWaiting[]> {
    return this.records.essaysWaiting(this.teacherOf(actor), before);
  }

  /** Whose cohorts' exams the actor marks: their own as an instructor; null (every cohort) for administrators. */
  private teacherOf(actor: Actor): string | null {
    return actor.kind === 'system' || actor.roles.includes('admin') ? null : actor.userId;
  }

  /** An answer the actor may mark: the cohort's instructors and administrators; anyone else is told it does not exist. */
  async markable(actor: Actor, itemId: string): Promise<ItemForMarking> {
    const item = await this.records.item(itemId);
    if (!item) throw new ExamItemNotFoundError();
    if (!(await this.access.canManage(actor, item.cohortId))) throw new ExamItemNotFoundError();
    if (item.attemptStatus !== 'submitted') throw new AttemptNotSubmittedError();
    return item;
  }

  /** The answer and where it stands among the answers to its question. */
  async step(actor: Actor, itemId: string): Promise<MarkingStep> {
    const item = await this.markable(actor, itemId);
    const steps = await this.records.walk(item.examId, item.questionId);
    const index = steps.findIndex((s) => s.itemId === itemId);
    const after = [...steps.slice(index + 1), ...steps.slice(0, index)];
    return {
      item,
      steps,
      index,
      previous: index > 0 ? steps[index - 1].itemId : null,
      next: index < steps.length - 1 ? steps[index + 1].itemId : null,
      nextToMark: after.find((s) => s.markState === 'manual')?.itemId ?? null,
    };
  }

  /** The first answer to mark of a question (or its first answer when all are marked). */
  async firstOf(actor: Actor, examId: string, questionId: string): Promise<string> {
    const exam = await this.dataSource.getRepository(Exam).findOneBy({ id: examId });
    if (!exam) throw new ExamNotFoundError();
    await this.access.assertCanManage(actor, exam.cohortId);
    const steps = await this.records.walk(examId, questionId);
    const first = steps.find((s) => s.markState === 'manual') ?? steps[0];
    if (!first) throw new ExamItemNotFoundError();
    return first.itemId;
  }

  async mark(actor: Actor, itemId: string, input: MarkInput): Promise<ItemForMarking> {
    await this.markable(actor, itemId);
    return unitOfWork(this.dataSource, async (manager) => {
      const row = await lockRow(manager, ExamAttemptItem, itemId);
      if (!row) throw new ExamItemNotFoundError();
      if (row.version !== input.version) {
        const current = await this.records.item(itemId, manager);
        throw new ExamMarkConflictError(current?.markedByName ?? '');
      }
      if (input.awarded > Number(row.points) + 1e-9) throw new AwardedOutOfRangeError(String(Number(row.points)));
      const before = { markState: row.markState, awarded: row.awarded, feedback: row.feedback };
      const points = Number(row.points);
      await manager.update(
        ExamAttemptItem,
        { id: itemId },
        {
          markState: 'marked',
          awarded: input.awarded.toFixed(2),
          fraction: (points > 0 ? input.awarded / points : 0).toFixed(4),
          feedback: input.feedback,
          markedById: actor.userId,
          markedAt: new Date(),
          version: row.version + 1,
        },
      );
      const attempt = await rescoreAttempt(manager, row.attemptId);
      await this.submission.updateResult(manager, attempt.examId, attempt.userId);
      await this.audit.record(
        {
          actor,
          action: 'exam.answer_marked',
          entityType: 'exam',
          entityId: attempt.examId,
          before: { itemId, ...before },
          after: { itemId, markState: 'marked', awarded: input.awarded.toFixed(2), feedback: input.feedback, attemptScore: attempt.score },
        },
        manager,
      );
      return (await this.records.item(itemId, manager))!;
    });
  }
}
