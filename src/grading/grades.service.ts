import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { assignmentScope } from '../completion/completion-records.service';
import { CompletionService } from '../completion/completion.service';
import { ValidationFailedError } from '../common/errors';
import { uuid } from '../common/schemas';
import { parseWith } from '../common/zod-validation.pipe';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import type { FilePolicy } from '../storage/file-policy';
import type { FileKind } from '../storage/file-sniffer';
import { StorageService, type StoredFile } from '../storage/storage.service';
import type { IncomingUpload } from '../storage/upload';
import type { Assignment } from '../assignments/assignment.entity';
import { AssignmentsService } from '../assignments/assignments.service';
import { AssignmentAccess } from '../assignments/assignment-access.service';
import { SubmissionNotFoundError } from '../submissions/submissions.errors';
import { GradeConflictError, GradeNotFoundError, NothingSubmittedError, ScoreOutOfRangeError } from './grading.errors';
import { Grade } from './grade.entity';
import { GradingRecords } from './grading-records.service';
import { gradeSchema, type GradeInput } from './grades.schemas';
import { SubmissionRecords, type TraineeWork } from '../submissions/submission-records.service';
import { Submission } from '../submissions/submission.entity';

export const FEEDBACK_FILE_FIELD = 'feedbackFile';
export const FEEDBACK_KINDS: readonly FileKind[] = ['pdf', 'docx', 'odt', 'xlsx', 'pptx', 'png', 'jpeg'];
export const FEEDBACK_MAX_MB = 20;

export interface GradingWork extends TraineeWork {
  submission: Submission;
  trainee: { id: string; name: string; email: string };
  cohortName: string | null;
}

export interface Gradable {
  submission: Submission;
  assignment: Assignment;
}

export interface VisibleGrade extends Gradable {
  grade: Grade;
  canGrade: boolean;
}

export function gradeAuditView(grade: Grade): Record<string, unknown> {
  return {
    status: grade.status,
    versionNumber: grade.versionNumber,
    score: grade.score,
    passed: grade.passed,
    feedback: grade.feedback,
    feedbackFileName: grade.feedbackFileName,
    releasedAt: grade.releasedAt?.toISOString() ?? null,
    gradedById: grade.gradedById,
    revision: grade.revision,
  };
}

/**
 * Grades of submissions: read, and saved as drafts. Two graders never overwrite each other: a save names the
 * revision its form started from and changes the row only while that is still the revision (the first save is
 * guarded by the unique submission id); anything else is a conflict that names who saved in between. Every
 * change is audited with its before and after.
 */
@Injectable()
export class GradesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly records: SubmissionRecords,
    private readonly gradingRecords: GradingRecords,
    private readonly access: AssignmentAccess,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
  ) {}

  get policy(): FilePolicy {
    return { keyPrefix: 'feedback', allowed: FEEDBACK_KINDS, maxBytes: FEEDBACK_MAX_MB * 1024 * 1024 };
  }

  /** A submission the user grades (admins, instructors of the trainee's cohort); anyone else: not found. */
  async gradable(actor: Actor, submissionId: string, manager: EntityManager = this.dataSource.manager): Promise<Gradable> {
    const submission = uuid.safeParse(submissionId).success
      ? await manager.getRepository(Submission).findOneBy({ id: submissionId })
      : null;
    if (!submission) throw new SubmissionNotFoundError();
    const assignment = await this.assignments.find(submission.assignmentId, manager);
    if (!(await this.access.teachesTrainee(actor, assignment, submission.userId))) throw new SubmissionNotFoundError();
    return { submission, assignment };
  }

  /** Everything the grading page shows: versions with files, extension, deadlines, grade, trainee and cohort. */
  async forGrading(actor: Actor, submissionId: string): Promise<GradingWork> {
    const { submission, assignment } = await this.gradable(actor, submissionId);
    const [work, trainee, membership] = await Promise.all([
      this.records.work(assignment, submission.userId),
      this.gradingRecords.trainee(submission.userId) as Promise<GradingWork['trainee']>,
      this.access.traineeCohort(submission.userId, assignment),
    ]);
    const cohortName = membership ? await this.gradingRecords.cohortName(membership.cohortId) : null;
    return { ...work, submission: work.submission ?? submission, trainee, cohortName };
  }

  /** The grade as its graders see it (drafts too), or as its trainee sees it (released only). */
  async visible(actor: Actor, submissionId: string): Promise<VisibleGrade> {
    const submission = uuid.safeParse(submissionId).success
      ? await this.dataSource.getRepository(Submission).findOneBy({ id: submissionId })
      : null;
    if (!submission) throw new SubmissionNotFoundError();
    const assignment = await this.assignments.find(submission.assignmentId);
    const canGrade = await this.access.teachesTrainee(actor, assignment, submission.userId);
    if (!canGrade && submission.userId !== actor.userId) throw new SubmissionNotFoundError();
    const grade = await this.dataSource.getRepository(Grade).findOneBy({ submissionId: submission.id });
    if (!grade || (!canGrade && grade.status !== 'released')) throw new GradeNotFoundError();
    return { submission, assignment, grade, canGrade };
  }

  async openFeedbackFile(actor: Actor, submissionId: string): Promise<{ grade: Grade; content: Readable }> {
    const { grade } = await this.visible(actor, submissionId);
    if (!grade.feedbackFileKey || !(await this.storage.exists(grade.feedbackFileKey))) throw new GradeNotFoundError();
    return { grade, content: this.storage.openRead(grade.feedbackFileKey) };
  }

  /** Saves a draft grade from its fields (a JSON body or a form without a file); the right is checked first. */
  async save(actor: Actor, submissionId: string, body: unknown): Promise<Grade> {
    const target = await this.gradable(actor, submissionId);
    return this.write(actor, target, parseWith(gradeSchema, body), undefined);
  }

  /**
   * Saves a draft grade from a multipart form that may bring a feedback file. The user's right is checked before
   * any upload is read; a refused save keeps no file.
   */
  async saveForm(actor: Actor, submissionId: string, upload: IncomingUpload): Promise<Grade> {
    const target = await this.gradable(actor, submissionId);
    const { fields, files } = await this.storage.receiveMany(upload, FEEDBACK_FILE_FIELD, this.policy, 1);
    const input = await this.storage.keepAllIf(files, async () => parseWith(gradeSchema, fields));
    return this.write(actor, target, input, files[0]);
  }

  private async write(actor: Actor, { submission, assignment }: Gradable, input: GradeInput, file: StoredFile | undefined): Promise<Grade> {
    return unitOfWork(this.dataSource, async (manager) => {
      // A refused save keeps no file: whatever fails below rolls back and removes it.
      this.storage.discardOnRollback(manager, file ? [file] : []);
      const result = this.result(assignment, input);
      const conflict = async (kind: 'saved' | 'newVersion') => new GradeConflictError(kind, await this.graderName(submission.id, manager));
      // Every grade write locks its submission first: saves, releases and returns of one submission take turns.
      const row = await lockRow(manager, Submission, submission.id);
      if (!row?.submittedAt) throw new NothingSubmittedError();
      if (input.versionNumber !== undefined && input.versionNumber !== row.submittedVersion) throw await conflict('newVersion');
      const repo = manager.getRepository(Grade);
      const before = await repo.findOneBy({ submissionId: submission.id });
      const fileColumns = file
        ? {
            feedbackFileKey: file.key,
            feedbackFileName: file.fileName,
            feedbackFileMimeType: file.mimeType,
            feedbackFileSize: String(file.size),
          }
        : input.removeFeedbackFile
          ? { feedbackFileKey: null, feedbackFileName: null, feedbackFileMimeType: null, feedbackFileSize: null }
          : {};
      // A save is always a draft: a changed grade reaches the trainee only when it is released (again).
      const changes = {
        versionNumber: row.submittedVersion,
        ...result,
        feedback: input.feedback,
        status: 'draft' as const,
        releasedAt: null,
        gradedById: actor.userId,
        ...fileColumns,
      };
      if (!before) {
        if (input.revision !== undefined) throw await conflict('saved');
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(Grade)
          .values({ submissionId: submission.id, ...changes })
          .orIgnore()
          .returning(['id'])
          .execute();
        if (!inserted.raw.length) throw await conflict('saved');
      } else {
        if (input.revision === undefined) throw await conflict('saved');
        const updated = await manager
          .createQueryBuilder()
          .update(Grade)
          .set(changes)
          .where('id = :id AND revision = :revision', { id: before.id, revision: input.revision })
          .execute();
        if (!updated.affected) throw await conflict('saved');
      }
      const grade = await repo.findOneByOrFail({ submissionId: submission.id });
      await this.gradingRecords.markGraded(manager, submission.id, row.submittedVersion);
      await this.audit.record(
        {
          action: before ? 'grade.updated' : 'grade.created',
          entityType: 'grade',
          entityId: grade.id,
          before: before ? gradeAuditView(before) : null,
          after: { ...gradeAuditView(grade), submissionId: submission.id },
          actor,
        },
        manager,
      );
      if (before?.feedbackFileKey && before.feedbackFileKey !== grade.feedbackFileKey) {
        await this.storage.discardAfterCommit(manager, before.feedbackFileKey);
      }
      // A released grade saved again is a draft until it is released again: it no longer counts for completion.
      if (before?.status === 'released') await this.completion.reevaluate(manager, assignmentScope(assignment, [submission.userId]));
      return grade;
    });
  }

  /** Points within 0..maxPoints, passed from the pass mark; or pass/fail as chosen. */
  private result(assignment: Assignment, input: GradeInput): { score: string | null; passed: boolean } {
    if (assignment.gradingType === 'pass_fail') {
      if (input.passed === undefined) throw ValidationFailedError.field('passed', 'required');
      return { score: null, passed: input.passed };
    }
    if (input.score === undefined) throw ValidationFailedError.field('score', 'required');
    if (input.score > Number(assignment.maxPoints)) throw new ScoreOutOfRangeError(String(Number(assignment.maxPoints)));
    return { score: input.score.toFixed(2), passed: input.score >= Number(assignment.passMark) };
  }

  /** Who saved the grade now in place, to name in a conflict. */
  graderName(submissionId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    return this.gradingRecords.graderName(submissionId, manager);
  }
}
