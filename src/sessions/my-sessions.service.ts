import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { rigaParts, rigaTime } from '../i18n/dates';
import type { User } from '../users/user.entity';
import { Session } from './session.entity';
import { MAX_SESSION_DAYS } from './sessions.schemas';

/** Enrolment statuses whose schedule the trainee sees (not waitlisted or withdrawn). */
export const SCHEDULE_STATUSES = ['enrolled', 'completed', 'not_completed'];

export interface ListedSession {
  session: Session;
  cohortName: string;
}

interface IdRow {
  id: string;
  cohort_name: string;
  total: string;
}

/**
 * A person's own schedule: the sessions of the cohorts they are enrolled in and the sessions they teach.
 * Each list is two indexed queries whatever the size of the platform: the ids of one page (with the total),
 * then those sessions with their instructors.
 */
@Injectable()
export class MySessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sessions not yet over, nearest first; cancelled ones stay listed so people see the change. */
  async upcoming(user: User, page: number, pageSize: number, now = new Date()): Promise<{ items: ListedSession[]; total: number }> {
    const rows: IdRow[] = await this.dataSource.query(
      `WITH mine AS (${this.mineSql('s.ends_at > $3 AND s.starts_at > $3::timestamptz - make_interval(days => $4)')})
       SELECT s.id, c.name AS cohort_name, count(*) OVER () AS total
         FROM mine JOIN sessions s ON s.id = mine.id JOIN cohorts c ON c.id = s.cohort_id
        ORDER BY s.starts_at, s.id
        LIMIT $5 OFFSET $6`,
      [user.id, SCHEDULE_STATUSES, now, MAX_SESSION_DAYS, pageSize, (page - 1) * pageSize],
    );
    return { items: await this.load(rows), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /**
   * Sessions starting on the Riga calendar day of `now`: those the instructor teaches or whose cohort they teach;
   * every session of the day for an admin.
   */
  async today(user: User, now = new Date()): Promise<ListedSession[]> {
    const p = rigaParts(now);
    const from = rigaTime(p.year, p.month, p.day);
    const to = rigaTime(p.year, p.month, p.day + 1);
    const rows: IdRow[] = user.hasRole('admin')
      ? await this.dataSource.query(
          `SELECT s.id, c.name AS cohort_name, 0 AS total FROM sessions s JOIN cohorts c ON c.id = s.cohort_id
            WHERE s.starts_at >= $1 AND s.starts_at < $2 ORDER BY s.starts_at, s.id LIMIT 500`,
          [from, to],
        )
      : await this.dataSource.query(
          `WITH mine AS (
             SELECT si.session_id AS id FROM session_instructors si JOIN sessions s ON s.id = si.session_id
              WHERE si.user_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3
             UNION
             SELECT s.id FROM cohort_instructors ci JOIN sessions s ON s.cohort_id = ci.cohort_id
              WHERE ci.user_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3)
           SELECT s.id, c.name AS cohort_name, 0 AS total FROM mine JOIN sessions s ON s.id = mine.id JOIN cohorts c ON c.id = s.cohort_id
            ORDER BY s.starts_at, s.id LIMIT 500`,
          [user.id, from, to],
        );
    return this.load(rows);
  }

  /** What the person's calendar feed holds: the last year and everything ahead, at most `limit` sessions. */
  async forCalendar(userId: string, now = new Date(), limit = 2000): Promise<ListedSession[]> {
    const rows: IdRow[] = await this.dataSource.query(
      `WITH mine AS (${this.mineSql(`s.starts_at > $3::timestamptz - interval '365 days'`)})
       SELECT s.id, c.name AS cohort_name, 0 AS total
         FROM mine JOIN sessions s ON s.id = mine.id JOIN cohorts c ON c.id = s.cohort_id
        ORDER BY s.starts_at, s.id
        LIMIT $4`,
      [userId, SCHEDULE_STATUSES, now, limit],
    );
    return this.load(rows);
  }

  /** Ids of the sessions of $1: as a trainee (enrolment status in $2) or as an instructor, filtered by `where`. */
  private mineSql(where: string): string {
    return `SELECT s.id FROM enrolments e JOIN sessions s ON s.cohort_id = e.cohort_id
             WHERE e.user_id = $1 AND e.status = ANY($2) AND ${where}
            UNION
            SELECT s.id FROM session_instructors si JOIN sessions s ON s.id = si.session_id
             WHERE si.user_id = $1 AND ${where}`;
  }

  private async load(rows: IdRow[]): Promise<ListedSession[]> {
    if (!rows.length) return [];
    const sessions = await this.dataSource.getRepository(Session).find({ where: { id: In(rows.map((r) => r.id)) }, relations: { instructors: true } });
    const byId = new Map(sessions.map((s) => [s.id, s]));
    return rows.filter((r) => byId.has(r.id)).map((r) => ({ session: byId.get(r.id)!, cohortName: r.cohort_name }));
  }
}
