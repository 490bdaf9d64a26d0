import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Language } from '../i18n/languages';
import type { SessionKind } from './session.entity';

/** A scheduled session with one of its reminder offsets, as the reminder scan reads it. */
export interface ReminderCandidate {
  id: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
  kind: SessionKind;
  address: string | null;
  room: string | null;
  online_url: string | null;
  cohort_name: string;
  hours: number;
}

/** Someone a reminder of a session and offset goes to. */
export interface ReminderRecipient {
  session_id: string;
  hours: number;
  user_id: string;
  email: string;
  name: string;
  language: Language;
}

/** Someone a notice about a session goes to. */
export interface SessionRecipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/** The session an instructor or a room is already booked for. */
export interface ClashRow {
  title: string;
  starts_at: Date;
  ends_at: Date;
  cohort_name: string;
  instructor_name: string | null;
  address: string | null;
  room: string | null;
}

export interface ClashQuery {
  sessionId: string | null;
  startsAt: Date;
  endsAt: Date;
  instructorIds: string[];
  /** Normalised address and room, both null when the room is not checked. */
  address: string | null;
  room: string | null;
  maxSessionDays: number;
}

const NORMALISED = (column: string) => `lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

/**
 * The sessions feature's hand-written SQL: who a session concerns (through `cohort_members`), the reminder scan's
 * reads, the clash check and its advisory locks. Reads that take a manager run in its transaction.
 */
@Injectable()
export class SessionRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async teachesSession(userId: string, sessionId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM session_instructors WHERE session_id = $1 AND user_id = $2', [
      sessionId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** Active instructors a session form offers. */
  instructorOptions(): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT id, name FROM users WHERE 'instructor' = ANY(roles) AND disabled_at IS NULL ORDER BY name, id LIMIT 1000`,
    );
  }

  /** The cohort's active members (not waitlisted, withdrawn or finished) and the session's instructors, active accounts only. */
  recipients(manager: EntityManager, session: { id: string; cohortId: string }): Promise<SessionRecipient[]> {
    return manager.query(
      `SELECT u.id, u.email, u.name, u.language
         FROM cohort_members m JOIN users u ON u.id = m.user_id
        WHERE m.cohort_id = $1 AND m.active AND u.disabled_at IS NULL
       UNION
       SELECT u.id, u.email, u.name, u.language
         FROM session_instructors si JOIN users u ON u.id = si.user_id
        WHERE si.session_id = $2 AND u.disabled_at IS NULL`,
      [session.cohortId, session.id],
    );
  }

  /**
   * Scheduled sessions not yet started with an offset whose reminder time is near `now`: no more than `slackHours`
   * ahead, and no more than `maxLateSeconds` (and the slack) behind.
   */
  reminderCandidates(now: Date, maxLateSeconds: number, slackHours: number): Promise<ReminderCandidate[]> {
    return this.dataSource.query(
      `SELECT DISTINCT s.id, s.starts_at, s.ends_at, s.title, s.kind, s.address, s.room, s.online_url, c.name AS cohort_name, o.hours
         FROM sessions s
         JOIN cohorts c ON c.id = s.cohort_id
         JOIN parts p ON p.id = c.part_id
         JOIN programmes g ON g.id = p.programme_id
        CROSS JOIN LATERAL unnest(CASE WHEN s.kind = 'study_visit' THEN g.study_visit_offsets_hours ELSE g.reminder_offsets_hours END) AS o(hours)
        WHERE s.status = 'scheduled'
          AND s.starts_at > $1::timestamptz
          AND s.starts_at <= $1::timestamptz + make_interval(hours => $3 + (
                SELECT coalesce(max(h), 0) FROM programmes, unnest(reminder_offsets_hours || study_visit_offsets_hours) AS h))
          AND o.hours > 0
          AND s.starts_at - make_interval(hours => o.hours) <= $1::timestamptz + make_interval(hours => $3)
          AND s.starts_at - make_interval(hours => o.hours) >= $1::timestamptz - make_interval(hours => $3, secs => $2)`,
      [now, maxLateSeconds, slackHours],
    );
  }

  /** Locks the sessions still scheduled FOR SHARE (a move or cancellation waits) and answers when each starts. */
  async lockScheduledStarts(manager: EntityManager, sessionIds: string[]): Promise<Map<string, number>> {
    const rows: { id: string; starts_at: Date }[] = await manager.query(
      `SELECT id, starts_at FROM sessions WHERE id = ANY($1::uuid[]) AND status = 'scheduled' FOR SHARE`,
      [sessionIds],
    );
    return new Map(rows.map((row) => [row.id, new Date(row.starts_at).getTime()]));
  }

  /**
   * Everyone each (session, offset) reminds: the cohort's active members and the session's instructors, with
   * active accounts and reminders switched on.
   */
  reminderRecipients(manager: EntityManager, due: { id: string; hours: number }[]): Promise<ReminderRecipient[]> {
    return manager.query(
      `WITH due AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS d(session_id, hours)),
            people AS (
              SELECT d.session_id, d.hours, m.user_id
                FROM due d JOIN sessions s ON s.id = d.session_id
                JOIN cohort_members m ON m.cohort_id = s.cohort_id AND m.active
              UNION
              SELECT d.session_id, d.hours, si.user_id
                FROM due d JOIN session_instructors si ON si.session_id = d.session_id)
       SELECT p.session_id, p.hours, u.id AS user_id, u.email, u.name, u.language
         FROM people p
         JOIN users u ON u.id = p.user_id
        WHERE u.disabled_at IS NULL AND u.notify_reminders`,
      [due.map((d) => d.id), due.map((d) => d.hours)],
    );
  }

  /** Takes a transaction-long advisory lock on each key, in the order given. */
  async lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
    for (const key of keys) await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  /** The first scheduled session that books one of the instructors, or the room, at an overlapping time. */
  async firstClash(manager: EntityManager, q: ClashQuery): Promise<ClashRow | null> {
    const rows: ClashRow[] = await manager.query(
      `SELECT s.title, s.starts_at, s.ends_at, c.name AS cohort_name, u.name AS instructor_name, s.address, s.room
         FROM sessions s
         JOIN cohorts c ON c.id = s.cohort_id
         LEFT JOIN session_instructors si ON si.session_id = s.id AND si.user_id = ANY($4::uuid[])
         LEFT JOIN users u ON u.id = si.user_id
        WHERE s.status = 'scheduled'
          AND s.starts_at < $2 AND s.ends_at > $1
          AND s.starts_at > $1::timestamptz - make_interval(days => $7)
          AND ($3::uuid IS NULL OR s.id <> $3::uuid)
          AND (si.user_id IS NOT NULL
               OR ($5::text IS NOT NULL AND ${NORMALISED('s.address')} = $5 AND ${NORMALISED('s.room')} = $6))
        ORDER BY (si.user_id IS NULL), s.starts_at
        LIMIT 1`,
      [q.startsAt, q.endsAt, q.sessionId, [...new Set(q.instructorIds)], q.address, q.room, q.maxSessionDays],
    );
    return rows[0] ?? null;
  }
}
