import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { formatDateTime, TIME_ZONE } from '../i18n/dates';
import { EmailRequest, OutboxService } from '../notifications/outbox.service';
import { unitOfWork } from '../database/unit-of-work';
import type { Language } from '../i18n/languages';
import { AssignmentNotices } from './assignment-notices';
import { GradingDigest } from '../grading/grading-digest';

interface NoticeRow {
  kind: 'reminder' | 'overdue';
  assignment_id: string;
  title: string;
  hours: number;
  due_at: Date;
  cutoff_at: Date;
  user_id: string;
  email: string;
  name: string;
  language: Language;
  cohort_name: string;
}

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
 * SQL: some notice of a due time (a reminder offset, or 0 for the overdue notice) falls near the scan's window,
 * give or take the hour a whole-day offset moves over a daylight-saving change: only those pairs are looked at.
 */
const noticeNear = (dueAt: string, offsets: string) =>
  `EXISTS (SELECT 1 FROM unnest(${offsets} || 0) AS near(hours)
            WHERE ${dueAt} - make_interval(hours => near.hours) BETWEEN $1::timestamptz - make_interval(secs => $2, hours => 2)
                                                               AND $1::timestamptz + interval '2 hours')`;

/** Offsets are at most 720 hours (30 days); a day more covers the wall-clock shift of a daylight-saving change. */
const LOOKAHEAD_HOURS = 744;

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
    private readonly outbox: OutboxService,
    private readonly notifications: AssignmentNotices,
    private readonly digest: GradingDigest,
    private readonly config: AppConfig,
  ) {}

  async scan(now: Date = new Date()): Promise<AssignmentScanResult> {
    const due = await this.dueNotices(now);
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

  /** Reminders and overdue notices whose time has come (the caller leaves out those already written). */
  private dueNotices(now: Date): Promise<NoticeRow[]> {
    const maxLateSeconds = this.config.env.REMINDER_MAX_LATE_MINUTES * 60;
    return this.dataSource.query(
      `WITH pairs AS (
              SELECT a.id AS assignment_id, m.user_id, m.cohort_id
                FROM assignments a JOIN cohort_members m ON m.cohort_id = a.cohort_id AND m.active
               WHERE a.due_at BETWEEN $1::timestamptz - make_interval(secs => $2) AND $1::timestamptz + make_interval(hours => $3)
                 AND ${noticeNear('a.due_at', 'a.reminder_offsets_hours')}
              UNION
              SELECT a.id, m.user_id, m.cohort_id
                FROM assignments a JOIN cohorts c ON c.part_id = a.part_id JOIN cohort_members m ON m.cohort_id = c.id AND m.active
               WHERE a.due_at BETWEEN $1::timestamptz - make_interval(secs => $2) AND $1::timestamptz + make_interval(hours => $3)
                 AND ${noticeNear('a.due_at', 'a.reminder_offsets_hours')}
              UNION
              SELECT a.id, m.user_id, m.cohort_id
                FROM extensions x JOIN assignments a ON a.id = x.assignment_id
                JOIN cohorts c ON c.id = a.cohort_id OR c.part_id = a.part_id
                JOIN cohort_members m ON m.cohort_id = c.id AND m.user_id = x.user_id AND m.active
               WHERE x.due_at BETWEEN $1::timestamptz - make_interval(secs => $2) AND $1::timestamptz + make_interval(hours => $3)
                 AND ${noticeNear('x.due_at', 'a.reminder_offsets_hours')}),
            due AS (
              SELECT p.assignment_id, p.user_id, p.cohort_id, a.title, a.reminder_offsets_hours AS offsets,
                     coalesce(x.due_at, a.due_at) AS due_at, coalesce(x.cutoff_at, a.cutoff_at) AS cutoff_at
                FROM pairs p JOIN assignments a ON a.id = p.assignment_id
                LEFT JOIN extensions x ON x.assignment_id = p.assignment_id AND x.user_id = p.user_id),
            notices AS (
              SELECT 'reminder' AS kind, d.*, o.hours,
                     CASE WHEN o.hours % 24 = 0
                          THEN ((d.due_at AT TIME ZONE '${TIME_ZONE}') - make_interval(days => o.hours / 24)) AT TIME ZONE '${TIME_ZONE}'
                          ELSE d.due_at - make_interval(hours => o.hours) END AS send_at
                FROM due d CROSS JOIN LATERAL unnest(d.offsets) AS o(hours)
               WHERE o.hours > 0 AND d.due_at > $1::timestamptz
              UNION ALL
              SELECT 'overdue', d.*, 0, d.due_at FROM due d WHERE d.due_at <= $1::timestamptz)
       SELECT n.kind, n.assignment_id, n.title, n.hours, n.due_at, n.cutoff_at, u.id AS user_id, u.email, u.name, u.language, c.name AS cohort_name
         FROM notices n JOIN users u ON u.id = n.user_id JOIN cohorts c ON c.id = n.cohort_id
        WHERE n.send_at <= $1::timestamptz AND n.send_at > $1::timestamptz - make_interval(secs => $2)
          AND u.disabled_at IS NULL AND u.notify_reminders
          AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.assignment_id = n.assignment_id AND s.user_id = n.user_id AND s.submitted_at IS NOT NULL)`,
      [now, maxLateSeconds, LOOKAHEAD_HOURS],
    );
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
