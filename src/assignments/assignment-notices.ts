import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { formatDateTime } from '../i18n/dates';
import { EmailRequest, OutboxService } from '../notifications/outbox.service';
import { AssignmentRecords } from './assignment-records.service';
import type { Extension } from './extension.entity';

export interface ReleasedGrade {
  gradeId: string;
  revision: number;
  userId: string;
  assignmentId: string;
  assignmentTitle: string;
}

export interface ReturnedWork {
  submissionId: string;
  userId: string;
  assignmentId: string;
  assignmentTitle: string;
  returnedAt: Date;
  revisionDueAt: Date;
  note: string;
}

/** Reminder and overdue keys of one trainee's assignment start with this; a new due time stops those still pending. */
export const dueNoticeKeyPrefixes = (assignmentId: string, userId: string) => [
  `assignment-reminder:${assignmentId}:${userId}:`,
  `assignment-overdue:${assignmentId}:${userId}:`,
];

const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * The emails coursework sends when something happens to one trainee's work: a grade released, work
 * returned for revision, an extension granted. Each is written to the outbox in the caller's unit of work, which
 * queues it once the change commits, and answers how many were written; the deduplication keys make a repeat harmless.
 */
@Injectable()
export class AssignmentNotices {
  constructor(
    private readonly outbox: OutboxService,
    private readonly records: AssignmentRecords,
    private readonly config: AppConfig,
  ) {}

  async gradesReleased(manager: EntityManager, grades: ReleasedGrade[]): Promise<number> {
    const people = await this.records.recipients(
      manager,
      grades.map((g) => g.userId),
    );
    const requests = grades.flatMap((grade): EmailRequest[] => {
      const person = people.get(grade.userId);
      if (!person) return [];
      return [
        {
          to: { email: person.email, id: person.id, language: person.language },
          template: 'grade-released',
          category: 'update',
          dedupKey: `grade-released:${grade.gradeId}:${grade.revision}`,
          data: { name: person.name, title: grade.assignmentTitle, link: this.assignmentLink(grade.assignmentId) },
        },
      ];
    });
    return (await this.outbox.enqueueMany(manager, requests)).length;
  }

  async returnedForRevision(manager: EntityManager, work: ReturnedWork): Promise<number> {
    const person = (await this.records.recipients(manager, [work.userId])).get(work.userId);
    if (!person) return 0;
    const written = await this.outbox.enqueueMany(manager, [
      {
        to: { email: person.email, id: person.id, language: person.language },
        template: 'submission-returned',
        category: 'update',
        dedupKey: `submission-returned:${work.submissionId}:${epoch(work.returnedAt)}`,
        data: {
          name: person.name,
          title: work.assignmentTitle,
          due: formatDateTime(work.revisionDueAt, person.language),
          note: work.note,
          link: this.assignmentLink(work.assignmentId),
        },
      },
    ]);
    return written.length;
  }

  /**
   * Tells the trainee their new due and cut-off times, and stops the reminders and overdue notice of the old
   * due time still waiting in the outbox: the scan reminds them again for the new one.
   */
  async extensionGranted(
    manager: EntityManager,
    extension: Pick<Extension, 'id' | 'assignmentId' | 'userId' | 'dueAt' | 'cutoffAt' | 'reason'>,
  ): Promise<number> {
    for (const prefix of dueNoticeKeyPrefixes(extension.assignmentId, extension.userId)) {
      await this.outbox.suppressPending(manager, prefix, 'extension granted');
    }
    const title = await this.records.title(manager, extension.assignmentId);
    const person = (await this.records.recipients(manager, [extension.userId])).get(extension.userId);
    if (title === null || !person) return 0;
    const written = await this.outbox.enqueueMany(manager, [
      {
        to: { email: person.email, id: person.id, language: person.language },
        template: 'extension-granted',
        category: 'update',
        dedupKey: `extension-granted:${extension.id}:${epoch(extension.dueAt)}:${epoch(extension.cutoffAt)}`,
        data: {
          name: person.name,
          title,
          due: formatDateTime(extension.dueAt, person.language),
          cutoff: extension.cutoffAt.getTime() > extension.dueAt.getTime() ? formatDateTime(extension.cutoffAt, person.language) : null,
          reason: extension.reason,
          link: this.assignmentLink(extension.assignmentId),
        },
      },
    ]);
    return written.length;
  }

  assignmentLink(assignmentId: string): string {
    return this.config.publicUrl(`/assignments/${assignmentId}`);
  }
}
