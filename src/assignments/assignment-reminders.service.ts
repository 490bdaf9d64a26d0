import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { formatDateTime } from '../i18n/dates';
import { EmailRequest, OutboxService } from '../notifications/outbox.service';
import { unitOfWork } from '../database/unit-of-work';
import { AssignmentNotices } from './assignment-notices';
import { AssignmentRecords, type NoticeRow } from './assignment-records.service';
import { GradingDigest } from '../grading/grading-digest';

export interface AssignmentScanResult {
  reminders: number;
  overdue: number;
  digests: number;
}

const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

/** One reminder per trainee, assignment, offset and due instant: a new due time (an extension) is reminded again. */
export function assignmentReminderKey(assignmentId: string, userId: string, hours: number, dueAt: Date): string {
  return `assignment-reminder:${assignmentId}:${userId}:${hours}h:${epoch(dueAt)}`;
}

export function overdueKey(assignmentId: string, userId: string, dueAt: Date): string {
  return `assignment-overdue:${assignmentId}:${userId}:${epoch(dueAt)}`;
}

/**
 * The coursework emails that come from time passing, found set-based and written to the outbox: reminders before
 * the due time to trainees who have not handed in (enrolled ones only: not withdrawn, not waitlisted), by the
 * assignment's offsets, a whole-day offset keeping Riga's wall-clock time; an overdue notice once the due time
 * passed; each trainee's extension moves their times. Then the instructors' daily digest. Safe to run as often and
 * in as many workers as you like: every email has a deduplication key. A notice more than
 * REMINDER_MAX_LATE_MINUTES late (the worker was down) is skipped rather than sent long after its time.
 */
@Injectable()
export class AssignmentRemindersService {
  private readonly logger = new Logger(AssignmentRemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: AssignmentRecords,
    private readonly outbox: OutboxService,
    private readonly notifications: AssignmentNotices,
    private readonly digest: GradingDigest,
    private readonly config: AppConfig,
  ) {}

  async scan(now: Date = new Date()): Promise<AssignmentScanResult> {
    const due = await this.records.dueNotices(now, this.config.env.REMINDER_MAX_LATE_MINUTES * 60);
    const { rows, ids } = await unitOfWork(this.dataSource, async (manager) => {
      const requests = due.map((row) => this.request(row, now));
      const written = await this.outbox.existingKeys(
        manager,
        requests.map((request) => request.dedupKey),
      );
      const fresh = requests.flatMap((request, i) => (written.has(request.dedupKey) ? [] : [{ row: due[i], request }]));
      return {
        rows: fresh.map((notice) => notice.row),
        ids: await this.outbox.enqueueMany(
          manager,
          fresh.map((notice) => notice.request),
        ),
      };
    });
    const digests = await this.digest.send(now);
    const result = {
      reminders: rows.filter((row) => row.kind === 'reminder').length,
      overdue: rows.filter((row) => row.kind === 'overdue').length,
      digests,
    };
    if (ids.length || digests) this.logger.log({ ...result, created: ids.length, now: now.toISOString() }, 'Coursework reminders scanned');
    return result;
  }

  private request(row: NoticeRow, now: Date): EmailRequest {
    const dueAt = new Date(row.due_at);
    const cutoffAt = new Date(row.cutoff_at);
    const data = {
      name: row.name,
      title: row.title,
      cohortName: row.cohort_name,
      due: formatDateTime(dueAt, row.language),
      link: this.notifications.assignmentLink(row.assignment_id),
    };
    const to = { email: row.email, id: row.user_id, language: row.language };
    if (row.kind === 'reminder') {
      return {
        to,
        template: 'assignment-reminder',
        category: 'reminder',
        dedupKey: assignmentReminderKey(row.assignment_id, row.user_id, row.hours, dueAt),
        data,
      };
    }
    return {
      to,
      template: 'assignment-overdue',
      category: 'reminder',
      dedupKey: overdueKey(row.assignment_id, row.user_id, dueAt),
      data: { ...data, cutoff: cutoffAt.getTime() > now.getTime() ? formatDateTime(cutoffAt, row.language) : null },
    };
  }
}
