import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Assignment } from './assignment.entity';
import { Extension } from './extension.entity';
import { Grade } from './grade.entity';
import { deadlinesFor, submissionState, type Deadlines, type SubmissionState } from './submission-state';
import { SubmissionFile } from './submission-file.entity';
import { SubmissionVersion } from './submission-version.entity';
import { Submission } from './submission.entity';

export type VersionWithFiles = SubmissionVersion & { files: SubmissionFile[] };

/** One trainee's work on one assignment, as read from the database. */
export interface TraineeWork {
  assignment: Assignment;
  userId: string;
  submission: Submission | null;
  /** Newest first; the draft, if any, is the first. */
  versions: VersionWithFiles[];
  draft: VersionWithFiles | null;
  /** The latest submitted version. */
  submitted: VersionWithFiles | null;
  extension: Extension | null;
  grade: Grade | null;
  deadlines: Deadlines;
  state: SubmissionState;
}

/** Reads submissions with their versions, files, extension and grade. */
@Injectable()
export class SubmissionRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `locked`: the submission row the caller has just read (and locked) in `manager`'s transaction, not read again. */
  async work(assignment: Assignment, userId: string, manager: EntityManager = this.dataSource.manager, locked?: Submission | null): Promise<TraineeWork> {
    const [submission, extension] = await Promise.all([
      locked !== undefined ? locked : manager.getRepository(Submission).findOneBy({ assignmentId: assignment.id, userId }),
      manager.getRepository(Extension).findOneBy({ assignmentId: assignment.id, userId }),
    ]);
    const [versions, grade] = submission
      ? await Promise.all([this.versions(submission.id, manager), manager.getRepository(Grade).findOneBy({ submissionId: submission.id })])
      : [[], null];
    return this.assemble(assignment, userId, submission, versions, extension, grade);
  }

  /**
   * The work after the caller changed its versions or files in its transaction (holding the submission's lock):
   * those are read again, in the order any read gives them; the submission is taken as the caller left it, and the
   * extension and grade as read under the lock.
   */
  async reread(work: TraineeWork & { submission: Submission }, manager: EntityManager): Promise<TraineeWork> {
    const versions = await this.versions(work.submission.id, manager);
    return this.assemble(work.assignment, work.userId, work.submission, versions, work.extension, work.grade);
  }

  private assemble(assignment: Assignment, userId: string, submission: Submission | null, versions: VersionWithFiles[], extension: Extension | null, grade: Grade | null): TraineeWork {
    const deadlines = deadlinesFor(assignment, extension, submission);
    return {
      assignment,
      userId,
      submission,
      versions,
      draft: versions.find((v) => !v.submittedAt) ?? null,
      submitted: versions.find((v) => v.submittedAt) ?? null,
      extension,
      grade,
      deadlines,
      state: submissionState(submission, grade, deadlines.dueAt),
    };
  }

  /** Every version of a submission with its files, newest first. */
  async versions(submissionId: string, manager: EntityManager = this.dataSource.manager): Promise<VersionWithFiles[]> {
    const versions = await manager.getRepository(SubmissionVersion).find({ where: { submissionId }, order: { number: 'DESC' } });
    const files = versions.length
      ? await manager.getRepository(SubmissionFile).find({ where: { versionId: In(versions.map((v) => v.id)) }, order: { createdAt: 'ASC', fileName: 'ASC' } })
      : [];
    return versions.map((version) => Object.assign(version, { files: files.filter((f) => f.versionId === version.id) }));
  }
}
