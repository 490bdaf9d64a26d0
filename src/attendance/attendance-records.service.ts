import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Language } from '../i18n/languages';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from './attendance.entity';

/** A trainee of the session's cohort with their mark, as the sheet reads it. */
export interface SheetRecord {
  user_id: string;
  name: string;
  department: string | null;
  status: AttendanceStatus | null;
}

/** One enrolment with its held sessions and its marks on them, per status. */
export interface SummaryRecord {
  enrolment_id: string;
  enrolment_status: string;
  cohort_id: string;
  cohort_name: string;
  title_lv: string;
  title_en: string | null;
  user_id: string;
  name: string;
  email: string;
  language: Language;
  min_attendance_percent: number;
  held: number;
  recorded: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
}

/** A held session of a trainee's cohort with their mark. */
export interface TraineeSessionRecord {
  session_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  cohort_name: string;
  status: string | null;
}

/** A session of the cohort that has taken place, with whether its attendance was taken. */
export interface HeldSessionRecord {
  id: string;
  title: string;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  recorded: boolean;
}

/** One trainee's mark at one held session. */
export interface MarkRecord {
  session_id: string;
  user_id: string;
  status: AttendanceStatus;
}

/** A session whose attendance its instructor has not taken yet. */
export interface UntakenSessionRecord {
  id: string;
  title: string;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  cohort_id: string;
  cohort_name: string;
  /** How many such sessions there are in all (on every row). */
  total: number;
}

/**
 * A session that has taken place and counts for attendance: scheduled (not cancelled) and started by `$1`. The
 * summaries and the cohort's matrix read this one rule.
 */
const HELD = `s.status = 'scheduled' AND s.starts_at <= $1`;

/** Which enrolments a summary covers (every one of them a member of its cohort, through `cohort_members`). */
export type SummaryScope = { cohortId: string } | { userId: string } | { cohortsRunningOn: string };

export interface AdminRecipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/**
 * The attendance feature's hand-written SQL: the sheet and the marks of a session, the per-enrolment summaries
 * and a trainee's sessions (members read through `cohort_members`), and the administrators a digest goes to.
 * Statements that take a manager run in its transaction.
 */
@Injectable()
export class AttendanceRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each member of the cohort with their mark at the session, by name. */
  sheet(cohortId: string, sessionId: string): Promise<SheetRecord[]> {
    return this.dataSource.query(
      `SELECT u.id AS user_id, u.name, u.department, a.status
         FROM cohort_members m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN attendances a ON a.session_id = $2 AND a.user_id = m.user_id
        WHERE m.cohort_id = $1
        ORDER BY u.name, u.id`,
      [cohortId, sessionId],
    );
  }

  /** The session's status and start, locked against a change while attendance is marked. */
  async sessionForMarking(manager: EntityManager, sessionId: string): Promise<{ status: string; starts_at: Date } | undefined> {
    const [row]: { status: string; starts_at: Date }[] = await manager.query(
      'SELECT status, starts_at FROM sessions WHERE id = $1 FOR SHARE',
      [sessionId],
    );
    return row;
  }

  async memberIds(manager: EntityManager, cohortId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query('SELECT user_id FROM cohort_members WHERE cohort_id = $1', [cohortId]);
    return rows.map((row) => row.user_id);
  }

  /** The session's marks, locked until the transaction ends. */
  lockMarks(manager: EntityManager, sessionId: string): Promise<{ user_id: string; status: AttendanceStatus }[]> {
    return manager.query('SELECT user_id, status FROM attendances WHERE session_id = $1 FOR UPDATE', [sessionId]);
  }

  /** Sets each trainee's mark at the session, in one statement. */
  async writeMarks(
    manager: EntityManager,
    sessionId: string,
    marks: [string, AttendanceStatus][],
    markedById: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO attendances (session_id, user_id, status, marked_by_id)
         SELECT $1, t.user_id, t.status, $4 FROM unnest($2::uuid[], $3::varchar[]) AS t(user_id, status)
         ON CONFLICT (session_id, user_id) DO UPDATE SET status = EXCLUDED.status, marked_by_id = EXCLUDED.marked_by_id, marked_at = now()`,
      [sessionId, marks.map(([id]) => id), marks.map(([, status]) => status), markedById],
    );
  }

  /**
   * One query for all the enrolments in scope: held sessions per cohort (those with marks, `session_mark_counts`,
   * recorded), and each member's marks per status from `attendance_counts` (kept as marks are written: every
   * session not cancelled) less their marks at sessions not yet started (marked early, or moved later). A summary
   * of every running cohort (10,000 trainees) reads one row a trainee rather than their 280,000 marks.
   */
  summaries(scope: SummaryScope, now: Date, manager: EntityManager = this.dataSource.manager): Promise<SummaryRecord[]> {
    const [where, param] =
      'cohortId' in scope
        ? ['e.cohort_id = $2', scope.cohortId]
        : 'userId' in scope
          ? ['e.user_id = $2', scope.userId]
          : ['e.cohort_id IN (SELECT id FROM cohorts WHERE ends_on >= $2::date)', scope.cohortsRunningOn];
    // One trainee's marks only; a whole cohort's are all its members' anyway.
    const whose = 'userId' in scope ? 'AND a.user_id = $2' : '';
    const counted = (status: AttendanceStatus) => `COALESCE(k.${status}, 0) - COALESCE(x.${status}, 0) AS ${status}`;
    return manager.query(
      `WITH chosen AS (SELECT e.enrolment_id AS id, e.cohort_id, e.user_id, e.status FROM cohort_members e WHERE ${where}),
            held AS (
              SELECT s.cohort_id, count(*)::int AS held, count(*) FILTER (WHERE n.marks > 0)::int AS recorded
                FROM sessions s LEFT JOIN session_mark_counts n ON n.session_id = s.id
               WHERE s.cohort_id IN (SELECT cohort_id FROM chosen) AND ${HELD}
               GROUP BY s.cohort_id),
            ahead AS (
              SELECT s.cohort_id, a.user_id,
                     count(*) FILTER (WHERE a.status = 'present')::int AS present,
                     count(*) FILTER (WHERE a.status = 'late')::int AS late,
                     count(*) FILTER (WHERE a.status = 'excused')::int AS excused,
                     count(*) FILTER (WHERE a.status = 'absent')::int AS absent
                FROM sessions s
                JOIN session_mark_counts n ON n.session_id = s.id AND n.marks > 0
               -- The few marked sessions' marks, read by the session (OFFSET 0: not by scanning every mark).
               CROSS JOIN LATERAL (SELECT a.user_id, a.status FROM attendances a WHERE a.session_id = s.id ${whose} OFFSET 0) a
               WHERE s.cohort_id IN (SELECT cohort_id FROM chosen) AND s.status = 'scheduled' AND s.starts_at > $1
               GROUP BY s.cohort_id, a.user_id)
       SELECT e.id AS enrolment_id, e.status AS enrolment_status, e.cohort_id, c.name AS cohort_name, p.title_lv, p.title_en,
              u.id AS user_id, u.name, u.email, u.language, p.min_attendance_percent,
              COALESCE(h.held, 0) AS held, COALESCE(h.recorded, 0) AS recorded,
              ${ATTENDANCE_STATUSES.map(counted).join(', ')}
         FROM chosen e
         JOIN users u ON u.id = e.user_id
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN parts p ON p.id = c.part_id
         LEFT JOIN held h ON h.cohort_id = e.cohort_id
         LEFT JOIN attendance_counts k ON k.cohort_id = e.cohort_id AND k.user_id = e.user_id
         LEFT JOIN ahead x ON x.cohort_id = e.cohort_id AND x.user_id = e.user_id
        ORDER BY c.name, u.name, e.id`,
      [now, param],
    );
  }

  /** The cohort's held sessions in the order they took place, each with whether its attendance was taken. */
  heldSessions(cohortId: string, now: Date): Promise<HeldSessionRecord[]> {
    return this.dataSource.query(
      `SELECT s.id, s.title, s.kind, s.starts_at, s.ends_at, EXISTS (SELECT 1 FROM attendances x WHERE x.session_id = s.id) AS recorded
         FROM sessions s
        WHERE ${HELD} AND s.cohort_id = $2
        ORDER BY s.starts_at, s.id`,
      [now, cohortId],
    );
  }

  /** Every mark of the cohort's members at its held sessions. */
  cohortMarks(cohortId: string, now: Date): Promise<MarkRecord[]> {
    return this.dataSource.query(
      `SELECT a.session_id, a.user_id, a.status
         FROM sessions s
         JOIN attendances a ON a.session_id = s.id
         JOIN cohort_members m ON m.cohort_id = s.cohort_id AND m.user_id = a.user_id
        WHERE ${HELD} AND s.cohort_id = $2`,
      [now, cohortId],
    );
  }

  /** The held sessions of the trainee's cohorts with their mark, newest first. */
  sessionsOfTrainee(userId: string, now: Date, limit: number): Promise<TraineeSessionRecord[]> {
    return this.dataSource.query(
      `SELECT s.id AS session_id, s.title, s.starts_at, s.ends_at, c.name AS cohort_name, a.status
         FROM cohort_members m
         JOIN sessions s ON s.cohort_id = m.cohort_id AND s.status = 'scheduled' AND s.starts_at <= $2
         JOIN cohorts c ON c.id = m.cohort_id
         LEFT JOIN attendances a ON a.session_id = s.id AND a.user_id = m.user_id
        WHERE m.user_id = $1
        ORDER BY s.starts_at DESC, s.id
        LIMIT $3`,
      [userId, now, limit],
    );
  }

  /** The active administrators, who get the daily digest. */
  activeAdmins(): Promise<AdminRecipient[]> {
    return this.dataSource.query(
      `SELECT id, email, name, language FROM users WHERE 'admin' = ANY(roles) AND disabled_at IS NULL ORDER BY id`,
    );
  }

  /**
   * Sessions that have taken place (HELD) in open cohorts with members, taught by `teacherId` (the cohort or the
   * session itself, as a guest), whose attendance nobody has taken yet: the latest first, with their number.
   */
  untakenSessions(teacherId: string, now: Date, limit: number): Promise<UntakenSessionRecord[]> {
    return this.dataSource.query(
      `WITH mine AS (
              SELECT s.id FROM cohort_teachers t JOIN sessions s ON s.cohort_id = t.cohort_id WHERE t.user_id = $2 AND ${HELD}
              UNION
              SELECT s.id FROM session_instructors si JOIN sessions s ON s.id = si.session_id WHERE si.user_id = $2 AND ${HELD}),
            untaken AS (
              SELECT s.id, s.title, s.kind, s.starts_at, s.ends_at, s.cohort_id, c.name AS cohort_name
                FROM mine JOIN sessions s ON s.id = mine.id JOIN cohorts c ON c.id = s.cohort_id
               WHERE c.closed_at IS NULL
                 AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.session_id = s.id)
                 AND EXISTS (SELECT 1 FROM cohort_members m WHERE m.cohort_id = s.cohort_id))
       SELECT *, count(*) OVER ()::int AS total FROM untaken ORDER BY starts_at DESC, id LIMIT $3`,
      [now, teacherId, limit],
    );
  }
}
