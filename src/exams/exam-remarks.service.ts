import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { lockRow, lockRows } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { ExamAccess } from './exam-access.service';
import { ExamAttemptItem } from './exam-attempt-item.entity';
import { ExamMarkingRecords, type RemarkRow } from './exam-marking-records.service';
import { EssayNotRemarkedError, VersionNotOfQuestionError } from './exam-marking.errors';
import type { RemarkInput } from './exam-marking.schemas';
import { ExamRemark } from './exam-remark.entity';
import { AttemptSubmission } from './attempt-submission.service';
import { rescoreAttempt } from './exam-scores';
import { Exam } from './exam.entity';
import { ExamNotFoundError } from './exams.errors';
import { markResponse } from './marking';
import { QuestionVersion } from './question-version.entity';

export interface RemarkOutcome {
  items: number;
  changed: number;
  attempts: number;
}

/**
 * Fixing a question's key: every answer to the question in the exam's submitted attempts is marked again by the
 * chosen version's key and from then on refers to that version. One unit of work writes a record per answer (old
 * and new points), the attempts' scores, the results and the audit event, or nothing at all.
 */
@Injectable()
export class ExamRemarksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ExamAccess,
    private readonly records: ExamMarkingRecords,
    private readonly audit: AuditService,
    private readonly submission: AttemptSubmission,
  ) {}

  private async managed(actor: Actor, examId: string): Promise<Exam> {
    const exam = await this.dataSource.getRepository(Exam).findOneBy({ id: examId });
    if (!exam) throw new ExamNotFoundError();
    await this.access.assertCanManage(actor, exam.cohortId);
    return exam;
  }

  async list(actor: Actor, examId: string): Promise<RemarkRow[]> {
    await this.managed(actor, examId);
    return this.records.remarks(examId);
  }

  async questions(actor: Actor, examId: string) {
    await this.managed(actor, examId);
    return this.records.drawnQuestions(examId);
  }

  async remark(actor: Actor, examId: string, questionId: string, input: RemarkInput): Promise<RemarkOutcome> {
    await this.managed(actor, examId);
    return unitOfWork(this.dataSource, async (manager) => {
      if (!(await lockRow(manager, Exam, examId))) throw new ExamNotFoundError();
      const target = await manager.getRepository(QuestionVersion).findOneBy({ id: input.versionId });
      if (!target || target.questionId !== questionId) throw new VersionNotOfQuestionError();
      if (target.body.kind === 'essay') throw new EssayNotRemarkedError();
      const ids: { id: string }[] = await manager.query(
        `SELECT i.id FROM exam_attempt_items i
           JOIN exam_attempts a ON a.id = i.attempt_id
           JOIN question_versions v ON v.id = i.question_version_id
          WHERE a.exam_id = $1 AND a.status = 'submitted' AND v.question_id = $2`,
        [examId, questionId],
      );
      const items = await lockRows(
        manager,
        ExamAttemptItem,
        ids.map((r) => r.id),
      );
      const now = new Date();
      let changed = 0;
      for (const item of items) {
        const mark = markResponse(target.body, item.response, Number(item.points));
        if (mark.state !== 'marked') continue;
        const awarded = mark.points.toFixed(2);
        if (awarded !== item.awarded) changed++;
        await manager.getRepository(ExamRemark).insert({
          examId,
          attemptItemId: item.id,
          oldAwarded: item.awarded,
          newAwarded: awarded,
          fromVersionId: item.questionVersionId,
          toVersionId: target.id,
          byId: actor.userId,
          reason: input.reason,
        });
        await manager.update(
          ExamAttemptItem,
          { id: item.id },
          {
            questionVersionId: target.id,
            markState: 'marked',
            fraction: mark.fraction.toFixed(4),
            awarded,
            markedById: actor.userId,
            markedAt: now,
          },
        );
      }
      const attemptIds = [...new Set(items.map((i) => i.attemptId))].sort();
      for (const attemptId of attemptIds) {
        const attempt = await rescoreAttempt(manager, attemptId);
        await this.submission.updateResult(manager, attempt.examId, attempt.userId);
      }
      const outcome = { items: items.length, changed, attempts: attemptIds.length };
      await this.audit.record(
        {
          actor,
          action: 'exam.question_remarked',
          entityType: 'exam',
          entityId: examId,
          after: { questionId, versionId: target.id, version: target.version, reason: input.reason, ...outcome },
        },
        manager,
      );
      return outcome;
    });
  }
}
