import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ACTIVE_STATUS } from '../cohorts/enrolment-status';
import { PreparedRead } from '../database/prepared-read';
import { RawEntity } from '../database/raw-entity';
import { TIME_ZONE } from '../i18n/dates';
import type { Language } from '../i18n/languages';
import { Assignment } from './assignment.entity';
import { Extension } from './extension.entity';

export type AssignmentScope = Pick<Assignment, 'cohortId' | 'partId'>;

export interface NoticeRow {
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

export interface NoticeRecipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/** Cohorts an assignment belongs to: its own, or every cohort of its part. */
const IN_SCOPE = '(c.id = $1::uuid OR c.part_id = $2::uuid)';

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
 * The hand-written SQL of assignments: the assignment by id (a prepared statement, as every assignment request starts
 * there), who teaches or takes part in an assignment's cohorts (through the cohort_teachers view and the enrolments),
 * the reminders that are due, and the few reads of people the notices need.
 */
@Injectable()
export class AssignmentRecords {
  private readonly columns: RawEntity<Assignment>;
  private readonly byId: PreparedRead<Record<string, unknown>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.columns = new RawEntity(dataSource, Assignment);
    this.byId = PreparedRead.on(dataSource, 'assignment_by_id', `SELECT ${this.columns.select('a')} FROM assignments a WHERE a.id = $1`);
  }

  /** The assignment with the id (a valid uuid), in `manager`'s transaction when given. */
  async find(id: string, manager?: EntityManager): Promise<Assignment | null> {
    const [row] = await this.byId.rows([id], manager);
    return row ? this.columns.from(row) : null;
  }

  private async exists(sql: string, params: unknown[]): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 WHERE EXISTS (${sql})`, params);
    return rows.length > 0;
  }

  /** Teaches the assignment's cohort, or a cohort of its part. */
  teaches(userId: string | null, scope: AssignmentScope): Promise<boolean> {
    return this.exists(`SELECT 1 FROM cohort_teachers c WHERE (c.cohort_id = $1::uuid OR c.part_id = $2::uuid) AND c.user_id = $3`, [
      scope.cohortId,
      scope.partId,
      userId,
    ]);
  }

  /** Teaches a cohort in the assignment's scope that the trainee is (or was) enrolled in. */
  teachesTrainee(userId: string | null, scope: AssignmentScope, traineeId: string): Promise<boolean> {
    return this.exists(
      `SELECT 1 FROM cohort_teachers c JOIN enrolments e ON e.cohort_id = c.cohort_id
        WHERE (c.cohort_id = $1::uuid OR c.part_id = $2::uuid) AND c.user_id = $3 AND e.user_id = $4`,
      [scope.cohortId, scope.partId, userId, traineeId],
    );
  }

  /** The trainee's cohort for the assignment and their enrolment there (of any status); an active one is preferred. */
  async traineeCohort(userId: string | null, scope: AssignmentScope): Promise<{ cohortId: string; status: string } | null> {
    const rows: { cohort_id: string; status: string }[] = await this.dataSource.query(
      `SELECT e.cohort_id, e.status FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE ${IN_SCOPE} AND e.user_id = $3 ORDER BY (e.status = $4) DESC, e.created_at DESC LIMIT 1`,
      [scope.cohortId, scope.partId, userId, ACTIVE_STATUS],
    );
    return rows[0] ? { cohortId: rows[0].cohort_id, status: rows[0].status } : null;
  }

  /** Cohorts of the assignment, by start; only those `teacherId` teaches unless null. */
  async cohortIds(scope: AssignmentScope, teacherId: string | null): Promise<string[]> {
    const rows: { id: string }[] =
      teacherId === null
        ? await this.dataSource.query(`SELECT c.id FROM cohorts c WHERE ${IN_SCOPE} ORDER BY c.starts_on, c.name`, [
            scope.cohortId,
            scope.partId,
          ])
        : await this.dataSource.query(
            `SELECT c.id FROM cohorts c JOIN cohort_teachers t ON t.cohort_id = c.id WHERE ${IN_SCOPE} AND t.user_id = $3 ORDER BY c.starts_on, c.name`,
            [scope.cohortId, scope.partId, teacherId],
          );
    return rows.map((row) => row.id);
  }

  /** The extensions of the assignment given to trainees of the cohorts, newest change first. */
  extensionsIn(assignmentId: string, cohortIds: string[]): Promise<Extension[]> {
    return this.dataSource
      .getRepository(Extension)
      .createQueryBuilder('x')
      .where('x.assignmentId = :id', { id: assignmentId })
      .andWhere('x.userId IN (SELECT e.user_id FROM enrolments e WHERE e.cohort_id = ANY(:cohortIds))', { cohortIds })
      .orderBy('x.updatedAt', 'DESC')
      .getMany();
  }

  /** Writes the trainee's extension, or replaces the one they have (one per trainee and assignment). */
  async saveExtension(
    manager: EntityManager,
    values: Pick<Extension, 'assignmentId' | 'userId' | 'dueAt' | 'cutoffAt' | 'reason' | 'grantedById'>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Extension)
      .values(values)
      .orUpdate(['due_at', 'cutoff_at', 'reason', 'granted_by_id', 'updated_at'], ['assignment_id', 'user_id'])
      .execute();
  }

  /** The name and email of a person, for the pages that show their work. */
  async person(userId: string): Promise<{ id: string; name: string; email: string }> {
    const [person]: { id: string; name: string; email: string }[] = await this.dataSource.query(
      'SELECT id, name, email FROM users WHERE id = $1',
      [userId],
    );
    return person;
  }

  /** Active accounts only: a disabled one gets nothing. */
  async recipients(manager: EntityManager, ids: string[]): Promise<Map<string, NoticeRecipient>> {
    if (!ids.length) return new Map();
    const rows: NoticeRecipient[] = await manager.query(
      'SELECT id, email, name, language FROM users WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  async title(manager: EntityManager, assignmentId: string): Promise<string | null> {
    const [row]: { title: string }[] = await manager.query('SELECT title FROM assignments WHERE id = $1', [assignmentId]);
    return row?.title ?? null;
  }

  /** Reminders and overdue notices whose time has come (the caller leaves out those already written). */
  dueNotices(now: Date, maxLateSeconds: number): Promise<NoticeRow[]> {
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
}
