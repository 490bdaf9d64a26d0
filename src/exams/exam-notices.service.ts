import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { unitOfWork } from '../database/unit-of-work';
import { formatDateTime } from '../i18n/dates';
import { OutboxService, type EmailRequest } from '../notifications/outbox.service';
import { ExamMarkingRecords, type NoticeRecipient } from './exam-marking-records.service';

/** Notices before an exam opens, nearest last: a late scan sends only the nearer one. */
export const OPENING_OFFSETS_HOURS = [24, 1] as const;
export const CLOSING_NOTICE_MINUTES = 15;

const epoch = (date: Date) => Math.floor(new Date(date).getTime() / 1000);

/** One notice per exam, person, offset and opening instant: a moved opening is announced again. */
export const openingKey = (examId: string, userId: string, hours: number, opensAt: Date) =>
  `exam-opens:${examId}:${userId}:${hours}h:${epoch(opensAt)}`;
export const closingKey = (examId: string, userId: string, closesAt: Date) => `exam-closing:${examId}:${userId}:${epoch(closesAt)}`;

/**
 * The exam notices of the worker's scan: the exam opens in 24 hours and in 1 hour (to those who have not
 * started), 15 minutes are left of the window (to those who have not handed in). Running the scan twice, or in
 * two workers, sends nothing twice: each email has its deduplication key.
 */
@Injectable()
export class ExamNoticesService {
  private readonly logger = new Logger(ExamNoticesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: ExamMarkingRecords,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async scan(now: Date = new Date()): Promise<{ created: number }> {
    const created = await unitOfWork(this.dataSource, async (manager) => {
      const requests: EmailRequest[] = [];
      for (const [i, hours] of OPENING_OFFSETS_HOURS.entries()) {
        const next = OPENING_OFFSETS_HOURS[i + 1] ?? 0;
        for (const person of await this.records.openingRecipients(manager, now, hours, next)) {
          requests.push(
            this.request(person, 'exam-opens', openingKey(person.examId, person.userId, hours, person.at), person.at, person.title),
          );
        }
      }
      for (const person of await this.records.closingRecipients(manager, now, CLOSING_NOTICE_MINUTES)) {
        requests.push(this.request(person, 'exam-closing', closingKey(person.examId, person.userId, person.at), person.at, person.title));
      }
      const written = await this.outbox.existingKeys(
        manager,
        requests.map((r) => r.dedupKey),
      );
      return (
        await this.outbox.enqueueMany(
          manager,
          requests.filter((r) => !written.has(r.dedupKey)),
        )
      ).length;
    });
    if (created) this.logger.log({ created, now: now.toISOString() }, 'Exam notices written');
    return { created };
  }

  private request(person: NoticeRecipient, template: string, dedupKey: string, at: Date, title: string): EmailRequest {
    return {
      to: { email: person.email, id: person.userId, language: person.language },
      template,
      category: 'reminder',
      dedupKey,
      data: {
        name: person.name,
        title,
        when: formatDateTime(new Date(at), person.language),
        link: this.config.publicUrl(`/exams/${person.examId}`),
      },
    };
  }
}
