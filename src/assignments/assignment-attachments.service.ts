import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { NotFoundError, ValidationFailedError } from '../common/errors';
import { uuid } from '../common/schemas';
import { AppConfig } from '../config/app-config';
import { unitOfWork } from '../database/unit-of-work';
import { acceptAttribute, allowedLabel, type FilePolicy } from '../storage/file-policy';
import type { FileKind } from '../storage/file-sniffer';
import { StorageService } from '../storage/storage.service';
import type { IncomingUpload } from '../storage/upload';
import { AssignmentAttachment } from './assignment-attachment.entity';
import { AssignmentsService } from './assignments.service';
import { AssignmentAccess } from './assignment-access.service';

export const ATTACHMENT_FILE_FIELD = 'file';
/** What a brief may come with: the usual documents, images and archives. */
export const ATTACHMENT_KINDS: readonly FileKind[] = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'zip', 'png', 'jpeg'];

export interface AttachmentDownload {
  attachment: AssignmentAttachment;
  content: Readable;
}

function auditView(file: AssignmentAttachment): Record<string, unknown> {
  return {
    assignmentId: file.assignmentId,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: Number(file.size),
    sha256: file.sha256,
  };
}

/** Files that come with an assignment's brief: added and removed by those who manage it, read by all who see it. */
@Injectable()
export class AssignmentAttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly access: AssignmentAccess,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get policy(): FilePolicy {
    return { keyPrefix: 'brief', allowed: ATTACHMENT_KINDS, maxBytes: this.config.env.MATERIAL_MAX_MB * 1024 * 1024 };
  }

  /** For the upload form: what the file input accepts. */
  uploadHint() {
    return { accept: acceptAttribute(ATTACHMENT_KINDS), allowed: allowedLabel(ATTACHMENT_KINDS), maxMb: this.config.env.MATERIAL_MAX_MB };
  }

  list(assignmentId: string): Promise<AssignmentAttachment[]> {
    return this.dataSource
      .getRepository(AssignmentAttachment)
      .find({ where: { assignmentId }, order: { createdAt: 'ASC', fileName: 'ASC' } });
  }

  async upload(actor: Actor, assignmentId: string, upload: IncomingUpload): Promise<AssignmentAttachment> {
    const assignment = await this.assignments.getManaged(actor, assignmentId);
    const { file } = await this.storage.receive(upload, ATTACHMENT_FILE_FIELD, this.policy);
    if (!file) throw ValidationFailedError.field(ATTACHMENT_FILE_FIELD, 'required');
    return unitOfWork(this.dataSource, async (manager) => {
      this.storage.discardOnRollback(manager, [file]);
      const repo = manager.getRepository(AssignmentAttachment);
      const attachment = await repo.save(
        repo.create({
          assignmentId: assignment.id,
          storageKey: file.key,
          fileName: file.fileName,
          mimeType: file.mimeType,
          size: String(file.size),
          sha256: file.sha256,
        }),
      );
      await this.audit.record(
        {
          action: 'assignment.attachment.added',
          entityType: 'assignment',
          entityId: assignment.id,
          after: auditView(attachment),
          actor,
        },
        manager,
      );
      return attachment;
    });
  }

  /** The attachment, for someone who manages its assignment. */
  async getManaged(actor: Actor, id: string): Promise<AssignmentAttachment> {
    const attachment = await this.find(id);
    await this.assignments.getManaged(actor, attachment.assignmentId);
    return attachment;
  }

  async delete(actor: Actor, id: string): Promise<AssignmentAttachment> {
    const attachment = await this.getManaged(actor, id);
    return unitOfWork(this.dataSource, async (manager) => {
      const { affected } = await manager.getRepository(AssignmentAttachment).delete({ id });
      if (!affected) throw new NotFoundError();
      await this.audit.record(
        {
          action: 'assignment.attachment.removed',
          entityType: 'assignment',
          entityId: attachment.assignmentId,
          before: auditView(attachment),
          actor,
        },
        manager,
      );
      await this.storage.discardAfterCommit(manager, attachment.storageKey);
      return attachment;
    });
  }

  async openDownload(actor: Actor, id: string): Promise<AttachmentDownload> {
    const attachment = await this.find(id);
    const assignment = await this.assignments.find(attachment.assignmentId);
    if (!(await this.access.canView(actor, assignment))) throw new NotFoundError();
    // Trainees get the brief, and its files, once the assignment opens.
    if (this.clock.now() < assignment.opensAt && !(await this.access.canManage(actor, assignment))) throw new NotFoundError();
    if (!(await this.storage.exists(attachment.storageKey))) throw new NotFoundError();
    return { attachment, content: this.storage.openRead(attachment.storageKey) };
  }

  private async find(id: string): Promise<AssignmentAttachment> {
    const attachment = uuid.safeParse(id).success ? await this.dataSource.getRepository(AssignmentAttachment).findOneBy({ id }) : null;
    if (!attachment) throw new NotFoundError();
    return attachment;
  }
}
