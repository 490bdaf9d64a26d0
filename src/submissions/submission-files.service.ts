import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { uuid } from '../common/schemas';
import { StorageService } from '../storage/storage.service';
import { Assignment } from '../assignments/assignment.entity';
import { AssignmentAccess } from '../assignments/assignment-access.service';
import { SubmissionFileNotFoundError, SubmissionNotFoundError } from './submissions.errors';
import { SubmissionFile } from './submission-file.entity';
import { SubmissionRecords, type VersionWithFiles } from './submission-records.service';
import { SubmissionVersion } from './submission-version.entity';
import { Submission } from './submission.entity';

export interface SubmissionFileDownload {
  file: SubmissionFile;
  content: Readable;
}

export interface VisibleSubmission {
  submission: Submission;
  assignment: Assignment;
  versions: VersionWithFiles[];
}

/**
 * Submissions, their versions and files as their owner, the instructors of the owner's cohort and admins
 * see them (drafts only the owner); to anyone else each id is simply not found.
 */
@Injectable()
export class SubmissionFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AssignmentAccess,
    private readonly records: SubmissionRecords,
    private readonly storage: StorageService,
  ) {}

  async submission(actor: Actor, id: string): Promise<VisibleSubmission> {
    const submission = uuid.safeParse(id).success
      ? await this.dataSource.getRepository(Submission).findOne({ where: { id }, relations: { assignment: true } })
      : null;
    if (!submission || !(await this.access.canViewSubmission(actor, submission.assignment, submission)))
      throw new SubmissionNotFoundError();
    return { submission, assignment: submission.assignment, versions: await this.records.versions(submission.id) };
  }

  async version(actor: Actor, id: string): Promise<{ version: VersionWithFiles; submission: Submission }> {
    const version = uuid.safeParse(id).success
      ? await this.dataSource.getRepository(SubmissionVersion).findOne({ where: { id }, relations: { submission: { assignment: true } } })
      : null;
    if (!version || !(await this.canSee(actor, version.submission, version))) throw new SubmissionNotFoundError();
    const files = await this.dataSource
      .getRepository(SubmissionFile)
      .find({ where: { versionId: version.id }, order: { createdAt: 'ASC', fileName: 'ASC' } });
    return { version: Object.assign(version, { files }), submission: version.submission };
  }

  async file(actor: Actor, id: string): Promise<SubmissionFile> {
    const file = uuid.safeParse(id).success
      ? await this.dataSource
          .getRepository(SubmissionFile)
          .findOne({ where: { id }, relations: { version: { submission: { assignment: true } } } })
      : null;
    const submission = file?.version.submission;
    if (!file || !submission || !(await this.canSee(actor, submission, file.version))) throw new SubmissionFileNotFoundError();
    return file;
  }

  /** A draft is its owner's alone; a submitted version is also for the owner's instructors and admins. */
  private async canSee(actor: Actor, submission: Submission & { assignment: Assignment }, version: SubmissionVersion): Promise<boolean> {
    if (submission.userId === actor.userId) return true;
    return Boolean(version.submittedAt) && this.access.canViewSubmission(actor, submission.assignment, submission);
  }

  /** The file's content; `inline` only for a PDF, which the browser may then show in place. */
  async openDownload(actor: Actor, id: string, disposition: 'attachment' | 'inline' = 'attachment'): Promise<SubmissionFileDownload> {
    const file = await this.file(actor, id);
    if (disposition === 'inline' && file.mimeType !== 'application/pdf') throw new SubmissionFileNotFoundError();
    if (!(await this.storage.exists(file.storageKey))) throw new SubmissionFileNotFoundError();
    return { file, content: this.storage.openRead(file.storageKey) };
  }
}
