import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { formatDateTime } from '../i18n/dates';
import { lateByText } from '../i18n/durations';
import { I18nService } from '../i18n/i18n.service';
import { OutboxService, type EmailRequest } from '../notifications/outbox.service';
import { formatFileSize } from '../storage/file-size';
import type { User } from '../users/user.entity';
import type { Assignment } from '../assignments/assignment.entity';
import type { VersionWithFiles } from './submission-records.service';

/** The outbox key of a version's receipt: one receipt per submitted version, however often the request is retried. */
export const receiptKey = (versionId: string) => `coursework-receipt:${versionId}`;

/**
 * The receipt a trainee gets for each submitted version: when it came, how late, and each file with its
 * SHA-256, so both sides can later show exactly what was handed in. Written in the submit's transaction.
 */
@Injectable()
export class SubmissionReceipts {
  constructor(
    private readonly outbox: OutboxService,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {}

  /** Writes the receipt in the caller's unit of work (queued once it commits); false when this version's receipt was already written. */
  async enqueue(manager: EntityManager, traineeId: string, assignment: Assignment, version: VersionWithFiles): Promise<boolean> {
    const [trainee]: Pick<User, 'id' | 'email' | 'name' | 'language'>[] = await manager.query(
      'SELECT id, email, name, language FROM users WHERE id = $1',
      [traineeId],
    );
    if (!trainee) return false;
    const lang = trainee.language;
    const request: EmailRequest = {
      to: { email: trainee.email, id: trainee.id, language: lang },
      template: 'coursework-receipt',
      category: 'update',
      dedupKey: receiptKey(version.id),
      data: {
        name: trainee.name,
        title: assignment.title,
        version: version.number,
        submittedAt: formatDateTime(version.submittedAt!, lang),
        late: version.lateSeconds > 0 ? lateByText(this.i18n, lang, version.lateSeconds) : null,
        files: version.files.map((file) => ({ name: file.fileName, size: formatFileSize(Number(file.size), lang), sha256: file.sha256 })),
        textLength: version.text.trim().length,
        link: this.config.publicUrl(`/assignments/${assignment.id}`),
      },
    };
    // enqueueMany answers with the new row's id alone, where enqueue would read the whole row back.
    const written = await this.outbox.enqueueMany(manager, [request]);
    return written.length > 0;
  }
}
