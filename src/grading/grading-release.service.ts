import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityNotFoundError } from 'typeorm';
import { type Actor, actorHasRole } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { assignmentScope } from '../completion/completion-records.service';
import { CompletionService } from '../completion/completion.service';
import { Clock } from '../common/clock';
import { ValidationFailedError } from '../common/errors';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { AssignmentsService } from '../assignments/assignments.service';
import { AssignmentAccess } from '../assignments/assignment-access.service';
import { AssignmentNotices } from '../assignments/assignment-notices';
import { GradeConflictError, GradeNotReleasableError, NothingSubmittedError } from './grading.errors';
import { Extension } from '../assignments/extension.entity';
import { Grade } from './grade.entity';
import type { ReturnInput } from './grades.schemas';
import { GradingRecords } from './grading-records.service';
import { gradeAuditView, GradesService } from './grades.service';
import { deadlinesFor } from '../submissions/submission-state';
import { Submission } from '../submissions/submission.entity';

export interface ReleaseAllResult {
  released: number;
  /** Draft grades left as they are: of an older version, or of work returned for revision. */
  skipped: number;
}

/**
 * What makes grading visible to the trainee: releasing one grade or all of an assignment, and returning work
 * for revision (which takes a released grade back to a draft: a returned work counts as not yet graded).
 * Each writes its emails to the outbox in its transaction and audits every grade it changes.
 */
@Injectable()
export class GradingReleaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grades: GradesService,
    private readonly records: GradingRecords,
    private readonly assignments: AssignmentsService,
    private readonly access: AssignmentAccess,
    private readonly notifications: AssignmentNotices,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly completion: CompletionService,
  ) {}

  /** Releases the grade; releasing a released grade changes nothing. `revision`, when given, must still be current. */
  async release(actor: Actor, submissionId: string, revision: number | undefined): Promise<Grade> {
    const { submission, assignment } = await this.grades.gradable(actor, submissionId);
    const grade = await unitOfWork(this.dataSource, async (manager) => {
      const current = await this.lockSubmission(manager, submission.id);
      const before = await manager.getRepository(Grade).findOneBy({ submissionId: submission.id });
      if (!before) throw new GradeNotReleasableError('noGrade');
      if (revision !== undefined && revision !== before.revision) return null;
      if (before.status === 'released') return before;
      if (current.returnedAt) throw new GradeNotReleasableError('returned');
      if (before.versionNumber !== current.submittedVersion) throw new GradeNotReleasableError('outdated');
      await manager
        .getRepository(Grade)
        .update({ id: before.id, revision: before.revision }, { status: 'released', releasedAt: this.clock.now() });
      const after = await manager.getRepository(Grade).findOneByOrFail({ id: before.id });
      await this.audit.record(
        {
          action: 'grade.released',
          entityType: 'grade',
          entityId: after.id,
          before: gradeAuditView(before),
          after: gradeAuditView(after),
          actor,
        },
        manager,
      );
      await this.notifications.gradesReleased(manager, [
        {
          gradeId: after.id,
          revision: after.revision,
          userId: submission.userId,
          assignmentId: assignment.id,
          assignmentTitle: assignment.title,
        },
      ]);
      await this.completion.reevaluate(manager, assignmentScope(assignment, [submission.userId]));
      return after;
    });
    if (!grade) throw new GradeConflictError('saved', await this.grades.graderName(submission.id));
    return grade;
  }

  /**
   * Releases every draft grade of the assignment that is ready (saved for the latest version, work not returned)
   * among the trainees the user grades, in one statement.
   */
  async releaseAll(actor: Actor, assignmentId: string): Promise<ReleaseAllResult> {
    const assignment = await this.assignments.getManaged(actor, assignmentId);
    return unitOfWork(this.dataSource, async (manager) => {
      const { released, skipped } = await this.records.releaseReady(
        manager,
        { assignmentId: assignment.id, cohortId: assignment.cohortId, partId: assignment.partId, graderId: this.graderId(actor) },
        this.clock.now(),
      );
      for (const row of released) {
        await this.audit.record(
          {
            action: 'grade.released',
            entityType: 'grade',
            entityId: row.id,
            before: { status: 'draft', releasedAt: null, revision: row.revision - 1 },
            after: {
              status: 'released',
              releasedAt: new Date(row.released_at).toISOString(),
              revision: row.revision,
              submissionId: row.submission_id,
            },
            actor,
          },
          manager,
        );
      }
      await this.notifications.gradesReleased(
        manager,
        released.map((row) => ({
          gradeId: row.id,
          revision: row.revision,
          userId: row.trainee_id,
          assignmentId: assignment.id,
          assignmentTitle: assignment.title,
        })),
      );
      if (released.length) {
        await this.completion.reevaluate(
          manager,
          assignmentScope(
            assignment,
            released.map((row) => row.trainee_id),
          ),
        );
      }
      return { released: released.length, skipped };
    });
  }

  /** Sends the work back with a new due time; a released grade becomes a draft again. The trainee is told why. */
  async returnForRevision(actor: Actor, submissionId: string, input: ReturnInput): Promise<Submission> {
    const { submission, assignment } = await this.grades.gradable(actor, submissionId);
    const now = this.clock.now();
    if (input.revisionDueAt.getTime() <= now.getTime()) throw ValidationFailedError.field('dueDate', 'grading.dueInPast');
    return unitOfWork(this.dataSource, async (manager) => {
      const current = await this.lockSubmission(manager, submission.id);
      if (!current.submittedAt) throw new NothingSubmittedError();
      // Never shorten the trainee's time without the grader saying so.
      const extension = await manager.getRepository(Extension).findOneBy({ assignmentId: assignment.id, userId: submission.userId });
      // Compared to the minute, as the form shows it.
      const dueMinute = Math.floor(deadlinesFor(assignment, extension, current).dueAt.getTime() / 60_000) * 60_000;
      if (input.revisionDueAt.getTime() < dueMinute && !input.confirmShorter)
        throw ValidationFailedError.field('confirmShorter', 'grading.shortensDeadline');
      await manager.getRepository(Submission).update({ id: submission.id }, { returnedAt: now, revisionDueAt: input.revisionDueAt });
      const returned = await manager.getRepository(Submission).findOneByOrFail({ id: submission.id });
      await this.audit.record(
        {
          action: 'submission.returned',
          entityType: 'submission',
          entityId: submission.id,
          before: { returnedAt: current.returnedAt?.toISOString() ?? null, revisionDueAt: current.revisionDueAt?.toISOString() ?? null },
          after: { returnedAt: now.toISOString(), revisionDueAt: input.revisionDueAt.toISOString(), note: input.note },
          actor,
        },
        manager,
      );
      await this.withdrawRelease(manager, actor, submission.id);
      // Returned work is not graded yet: a pass released before no longer counts.
      await this.completion.reevaluate(manager, assignmentScope(assignment, [submission.userId]));
      await this.notifications.returnedForRevision(manager, {
        submissionId: submission.id,
        userId: submission.userId,
        assignmentId: assignment.id,
        assignmentTitle: assignment.title,
        returnedAt: now,
        revisionDueAt: input.revisionDueAt,
        note: input.note,
      });
      return returned;
    });
  }

  private async withdrawRelease(manager: EntityManager, actor: Actor, submissionId: string): Promise<void> {
    const before = await manager.getRepository(Grade).findOneBy({ submissionId, status: 'released' });
    if (!before) return;
    await manager.getRepository(Grade).update({ id: before.id }, { status: 'draft', releasedAt: null });
    const after = await manager.getRepository(Grade).findOneByOrFail({ id: before.id });
    await this.audit.record(
      {
        action: 'grade.unreleased',
        entityType: 'grade',
        entityId: after.id,
        before: gradeAuditView(before),
        after: gradeAuditView(after),
        actor,
      },
      manager,
    );
  }

  private async lockSubmission(manager: EntityManager, id: string): Promise<Submission> {
    const submission = await lockRow(manager, Submission, id);
    if (!submission) throw new EntityNotFoundError(Submission, { id });
    return submission;
  }

  /** Null for admins (every trainee); otherwise the instructor, who grades the trainees of the cohorts they teach. */
  private graderId(actor: Actor): string | null {
    return actorHasRole(actor, 'admin') ? null : actor.userId;
  }
}
