import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { text, uuid } from '../common/schemas';
import { parseWith } from '../common/zod-validation.pipe';
import { unitOfWork } from '../database/unit-of-work';
import type { FilePolicy } from '../storage/file-policy';
import { StorageService, type StoredFile } from '../storage/storage.service';
import type { IncomingUpload } from '../storage/upload';
import type { Assignment } from '../assignments/assignment.entity';
import { AssignmentsService } from '../assignments/assignments.service';
import { MAX_TEXT_LENGTH, type DraftInput } from '../assignments/assignments.schemas';
import { AssignmentAccess } from '../assignments/assignment-access.service';
import { kindsOfTypes } from './submission-views';
import { NotEnrolledError } from '../assignments/assignments.errors';
import {
  AssignmentNotOpenError,
  EmptySubmissionError,
  SubmissionChangedMeanwhileError,
  SubmissionClosedError,
  SubmissionFileNotFoundError,
  SubmissionLockedError,
  TextNotAllowedError,
  TooManyFilesError,
  VersionSubmittedError,
} from './submissions.errors';
import { SubmissionReceipts } from './submission-receipts';
import { windowAt } from './submission-state';
import { SubmissionFile } from './submission-file.entity';
import { SubmissionRecords, type TraineeWork, type VersionWithFiles } from './submission-records.service';
import { SubmissionVersion } from './submission-version.entity';
import { Submission } from './submission.entity';

export const SUBMISSION_FILE_FIELD = 'files';

/** The text fields of a hand-in form: the answer, and whether to keep it as a draft or submit it. */
const handInFieldsSchema = z.object({
  text: text(MAX_TEXT_LENGTH, { multiline: true }).optional(),
  action: z.enum(['save', 'submit']).default('save'),
});

interface Change {
  newFiles: StoredFile[];
  /** Replaces the draft's text when given. */
  text?: string;
  submit: boolean;
}

/** The files copied for the next draft no longer match the last submitted version; the transaction is undone. */
class StaleCarryOver extends Error {}

/** Another hand-in of the same trainee can go first only so many times before this one gives up. */
const MAX_CARRY_OVER_ATTEMPTS = 3;

/** The trainee handing in: work is always a person's, never the platform's own. */
function traineeId(actor: Actor): string {
  if (!actor.userId) throw new NotEnrolledError();
  return actor.userId;
}

/** A file of the last submitted version, copied to start the next draft. */
interface CarriedFile {
  source: SubmissionFile;
  stored: { key: string; size: number; sha256: string };
}

/**
 * A trainee's hand-in: a draft (the highest version not yet submitted) that takes files and text, then is
 * submitted and kept unchanged. The next draft starts as a copy of the last submitted version: its text,
 * and its files copied in storage, so every version owns its own files. The time is checked before any
 * file is written and again in the transaction that records them; a refusal keeps nothing.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly records: SubmissionRecords,
    private readonly access: AssignmentAccess,
    private readonly storage: StorageService,
    private readonly receipts: SubmissionReceipts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  policy(assignment: Assignment): FilePolicy {
    return { keyPrefix: 'submission', allowed: kindsOfTypes(assignment.acceptedTypes), maxBytes: assignment.maxFileSizeMb * 1024 * 1024 };
  }

  /**
   * A multipart hand-in: files in `files`, the answer in `text`, and `action` save or submit (`force`
   * overrides it, for API routes that say which by their path).
   */
  async handIn(actor: Actor, assignmentId: string, upload: IncomingUpload, force?: 'save' | 'submit'): Promise<TraineeWork> {
    const assignment = await this.assignments.find(assignmentId);
    await this.access.assertCanSubmit(actor, assignment);
    const work = await this.records.work(assignment, traineeId(actor));
    this.assertOpen(work);
    // The draft's files, or those the next draft will start with, count against the limit while streaming.
    const room = Math.max(0, assignment.maxFiles - ((work.draft ?? work.submitted)?.files.length ?? 0));
    const { fields, files } = await this.storage.receiveMany(upload, SUBMISSION_FILE_FIELD, this.policy(assignment), room);
    // Kept if any attempt commits: `commit` may run its transaction again when another hand-in went first.
    return this.storage.keepAllIf(files, async () => {
      const input = parseWith(handInFieldsSchema, fields);
      return this.commit(actor, work, { newFiles: files, text: input.text, submit: (force ?? input.action) === 'submit' });
    });
  }

  async saveDraft(actor: Actor, assignmentId: string, input: DraftInput): Promise<TraineeWork> {
    return this.commit(actor, await this.prepare(actor, assignmentId), { newFiles: [], text: input.text, submit: false });
  }

  /** Submits the draft, with the text given (JSON) replacing the draft's. */
  async submit(actor: Actor, assignmentId: string, input: Partial<DraftInput>): Promise<TraineeWork> {
    return this.commit(actor, await this.prepare(actor, assignmentId), { newFiles: [], text: input.text, submit: true });
  }

  /** Removes a file from the trainee's own draft. */
  async removeDraftFile(actor: Actor, fileId: string): Promise<TraineeWork> {
    const file = uuid.safeParse(fileId).success
      ? await this.dataSource.getRepository(SubmissionFile).findOne({ where: { id: fileId }, relations: { version: { submission: true } } })
      : null;
    if (!file || file.version.submission.userId !== actor.userId) throw new SubmissionFileNotFoundError();
    if (file.version.submittedAt) throw new VersionSubmittedError();
    const { assignment } = await this.prepare(actor, file.version.submission.assignmentId);
    return unitOfWork(this.dataSource, async (manager) => {
      const { work } = await this.lockWork(manager, assignment, traineeId(actor));
      const draft = work.draft;
      if (!draft || !draft.files.some((f) => f.id === file.id)) throw new SubmissionFileNotFoundError();
      await manager.getRepository(SubmissionFile).delete({ id: file.id });
      await this.audit.record(
        {
          action: 'submission.file.removed',
          entityType: 'submission',
          entityId: work.submission.id,
          before: { fileName: file.fileName, version: draft.number },
          actor,
        },
        manager,
      );
      await this.storage.discardAfterCommit(manager, file.storageKey);
      return this.records.reread(work, manager);
    });
  }

  /** The trainee's work on the assignment, once they may hand in and it is open to them. */
  private async prepare(actor: Actor, assignmentId: string): Promise<TraineeWork> {
    const assignment = await this.assignments.find(assignmentId);
    await this.access.assertCanSubmit(actor, assignment);
    const work = await this.records.work(assignment, traineeId(actor));
    this.assertOpen(work);
    return work;
  }

  /** Refuses work outside the trainee's window, or work already graded and not returned. */
  private assertOpen(work: TraineeWork): number {
    const window = windowAt(work.deadlines, this.clock.now());
    if (window.kind === 'notOpen') throw new AssignmentNotOpenError();
    if (window.kind === 'closed') throw new SubmissionClosedError();
    if (work.state === 'graded') throw new SubmissionLockedError();
    return window.lateSeconds;
  }

  /**
   * Records the change. `seen`: the work as read before, which says whether the next draft starts from the last
   * submitted version and so which files to copy first; if it changed meanwhile (another hand-in of the trainee
   * went first), the copies are made again from the work as it is.
   */
  private async commit(actor: Actor, seen: TraineeWork, change: Change): Promise<TraineeWork> {
    const { assignment } = seen;
    let work = seen;
    for (let attempt = 1; ; attempt += 1) {
      const carried = await this.carryOver(work);
      try {
        return await unitOfWork(this.dataSource, async (manager) => {
          this.storage.discardOnRollback(
            manager,
            carried.map((c) => c.stored),
          );
          return this.record(manager, actor, assignment, change, carried);
        });
      } catch (error) {
        if (!(error instanceof StaleCarryOver)) throw error;
        if (attempt >= MAX_CARRY_OVER_ATTEMPTS) throw new SubmissionChangedMeanwhileError();
      }
      work = await this.records.work(assignment, traineeId(actor));
    }
  }

  /** Copies of the last submitted version's files, when the next draft is about to start from it. */
  private async carryOver(work: TraineeWork): Promise<CarriedFile[]> {
    if (work.draft || !work.submitted) return [];
    const carried: CarriedFile[] = [];
    try {
      for (const source of work.submitted.files)
        carried.push({ source, stored: await this.storage.copy({ key: source.storageKey, sha256: source.sha256 }, 'submission') });
    } catch (error) {
      await this.storage.discardAll(carried.map((c) => c.stored));
      throw error;
    }
    return carried;
  }

  /** Creates the submission row if need be and locks it, so hand-ins of one trainee take turns. */
  private async lockWork(
    manager: EntityManager,
    assignment: Assignment,
    userId: string,
  ): Promise<{ work: TraineeWork & { submission: Submission }; lateSeconds: number }> {
    const locked = await this.records.lockOrCreate(manager, assignment.id, userId);
    const work = { ...(await this.records.work(assignment, userId, manager, locked)), submission: locked };
    return { work, lateSeconds: this.assertOpen(work) };
  }

  private async record(manager: EntityManager, actor: Actor, assignment: Assignment, change: Change, carried: CarriedFile[]) {
    const { work, lateSeconds } = await this.lockWork(manager, assignment, traineeId(actor));
    const submission = work.submission;
    let unused = carried;
    let draft = work.draft;
    if (!draft) {
      const last = work.submitted;
      const copiesOfLast = !!last && carried.length === last.files.length && carried.every((c) => c.source.versionId === last.id);
      // The copies were made from what has since changed: the new draft would lose the last version's files.
      if (last?.files.length && !copiesOfLast) throw new StaleCarryOver();
      draft = await this.startDraft(manager, submission, last, copiesOfLast ? carried : []);
      if (copiesOfLast) unused = [];
    }
    draft.files.push(...(await this.addFiles(manager, draft.id, change.newFiles)));
    if (draft.files.length > assignment.maxFiles) throw new TooManyFilesError(assignment.maxFiles);
    // Only what changed is written, by id: the rows are ours under the lock, so nothing needs reading first.
    const versionChange: Partial<SubmissionVersion> = {};
    if (change.text !== undefined) {
      if (change.text.trim() && !assignment.allowText) throw new TextNotAllowedError();
      if (change.text !== draft.text) versionChange.text = change.text;
    }
    if (change.submit) {
      const text = versionChange.text ?? draft.text;
      if (!draft.files.length && !(assignment.allowText && text.trim())) throw new EmptySubmissionError();
      const now = this.clock.now();
      Object.assign(versionChange, { submittedAt: now, lateSeconds });
      const submitted = { submittedVersion: draft.number, submittedAt: now, lateSeconds, returnedAt: null };
      await this.updateVersion(manager, draft, versionChange);
      await manager.getRepository(Submission).update(submission.id, submitted);
      Object.assign(submission, submitted);
      await this.audit.record(
        {
          action: 'submission.submitted',
          entityType: 'submission',
          entityId: submission.id,
          after: {
            assignmentId: assignment.id,
            version: draft.number,
            submittedAt: now.toISOString(),
            lateSeconds,
            files: draft.files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
          },
          actor,
        },
        manager,
      );
      await this.receipts.enqueue(manager, submission.userId, assignment, draft);
    } else {
      await this.updateVersion(manager, draft, versionChange);
    }
    // Copies made for a draft that another hand-in started first: not needed once this one commits.
    for (const copy of unused) await this.storage.discardAfterCommit(manager, copy.stored.key);
    return this.records.reread(work, manager);
  }

  private async updateVersion(manager: EntityManager, version: SubmissionVersion, change: Partial<SubmissionVersion>): Promise<void> {
    if (!Object.keys(change).length) return;
    await manager.getRepository(SubmissionVersion).update(version.id, change);
    Object.assign(version, change);
  }

  /** The next version: a copy of the last submitted one (its text, and its files copied in storage), or empty. */
  private async startDraft(
    manager: EntityManager,
    submission: Submission,
    last: VersionWithFiles | null,
    carried: CarriedFile[],
  ): Promise<VersionWithFiles> {
    const versions = manager.getRepository(SubmissionVersion);
    const draft = versions.create({
      submissionId: submission.id,
      number: (last?.number ?? 0) + 1,
      text: last?.text ?? '',
      submittedAt: null,
      lateSeconds: 0,
    });
    // Inserts rather than saves: new rows have nothing to compare, and the generated columns come back all the same.
    await versions.insert(draft);
    const copies = await this.addFiles(
      manager,
      draft.id,
      carried.map(({ source, stored }) => ({ ...stored, fileName: source.fileName, mimeType: source.mimeType })),
    );
    return Object.assign(draft, { files: copies });
  }

  /** Rows for files stored under a version, in one insert, in the order given. */
  private async addFiles(
    manager: EntityManager,
    versionId: string,
    stored: Pick<StoredFile, 'key' | 'fileName' | 'mimeType' | 'size' | 'sha256'>[],
  ): Promise<SubmissionFile[]> {
    if (!stored.length) return [];
    const repo = manager.getRepository(SubmissionFile);
    const rows = stored.map((f) =>
      repo.create({ versionId, storageKey: f.key, fileName: f.fileName, mimeType: f.mimeType, size: String(f.size), sha256: f.sha256 }),
    );
    await repo.insert(rows);
    return rows;
  }
}
