import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreparedRead } from '../database/prepared-read';
import { RawEntity } from '../database/raw-entity';
import { rigaParts, rigaTime } from '../i18n/dates';
import type { User } from '../users/user.entity';
import { Session } from './session.entity';
import type { InstructorRef, ShownSession } from './session-views';
import { MAX_SESSION_DAYS } from './sessions.schemas';

export interface ListedSession {
  session: ShownSession & { instructors: InstructorRef[] };
  cohortName: string;
}

interface ListedRow extends Record<string, unknown> {
  cohort_name: string;
  total: string;
  instructors: InstructorRef[];
}

/**
 * Ids and start times of the sessions of $1: as a member of the cohort (cohort_members) or as an instructor,
 * filtered by `where`. The start time rides along so the page is ordered without reading each session again.
 */
function mineSql(where: string): string {
  return `SELECT s.id, s.starts_at FROM cohort_members m JOIN sessions s ON s.cohort_id = m.cohort_id
           WHERE m.user_id = $1 AND ${where}
          UNION
          SELECT s.id, s.starts_at FROM session_instructors si JOIN sessions s ON s.id = si.session_id
           WHERE si.user_id = $1 AND ${where}`;
}

/**
 * One page of a person's sessions not yet over, as ids with the total: $1 the person, $2 now, $3 the longest a
 * session may last in days (bounds the index range), $4 limit, $5 offset.
 */
export const UPCOMING_PAGE_SQL = `WITH mine AS (${mineSql('s.ends_at > $2 AND s.starts_at > $2::timestamptz - make_interval(days => $3)')})
       SELECT id, count(*) OVER () AS total FROM mine ORDER BY starts_at, id LIMIT $4 OFFSET $5`;

/**
 * The sessions whose ids (in order, with `total`) `pageSql` selects: `sessionColumns` of each (alias `s`), its
 * cohort's name and its instructors as JSON. Exported for the schedule benchmark's same-SQL reference server.
 */
export function scheduleListSql(sessionColumns: string, pageSql: string): string {
  return `WITH page AS (${pageSql})
       SELECT ${sessionColumns}, c.name AS cohort_name, page.total,
              COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id)
                          FROM session_instructors si JOIN users u ON u.id = si.user_id
                         WHERE si.session_id = s.id), '[]') AS instructors
         FROM page JOIN sessions s ON s.id = page.id JOIN cohorts c ON c.id = s.cohort_id
        ORDER BY s.starts_at, s.id`;
}

/**
 * A person's own schedule: the sessions of the cohorts they are enrolled in and the sessions they teach.
 * Each list is one indexed statement whatever the size of the platform: the ids of one page (with the total),
 * joined back to the sessions, their cohort's name and their instructors. These are the platform's busiest
 * reads, so they are prepared statements read without TypeORM's hydration, which cost more CPU than the query.
 */
@Injectable()
export class MySessionsService {
  private readonly sessions: RawEntity<Session>;
  private readonly upcomingRead: PreparedRead<ListedRow>;
  private readonly todayAllRead: PreparedRead<ListedRow>;
  private readonly todayMineRead: PreparedRead<ListedRow>;
  private readonly calendarRead: PreparedRead<ListedRow>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sessions = new RawEntity(dataSource, Session);
    const read = (name: string, pageSql: string) =>
      PreparedRead.on<ListedRow>(dataSource, `my_sessions_${name}`, scheduleListSql(this.sessions.select('s'), pageSql));
    this.upcomingRead = read('upcoming', UPCOMING_PAGE_SQL);
    this.todayAllRead = read(
      'today_all',
      `SELECT s.id, 0 AS total FROM sessions s WHERE s.starts_at >= $1 AND s.starts_at < $2 ORDER BY s.starts_at, s.id LIMIT 500`,
    );
    this.todayMineRead = read(
      'today_mine',
      `WITH mine AS (
         SELECT s.id, s.starts_at FROM session_instructors si JOIN sessions s ON s.id = si.session_id
          WHERE si.user_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3
         UNION
         SELECT s.id, s.starts_at FROM cohort_teachers t JOIN sessions s ON s.cohort_id = t.cohort_id
          WHERE t.user_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3)
       SELECT id, 0 AS total FROM mine ORDER BY starts_at, id LIMIT 500`,
    );
    this.calendarRead = read(
      'calendar',
      `WITH mine AS (${mineSql(`s.starts_at > $2::timestamptz - interval '365 days'`)})
       SELECT id, 0 AS total FROM mine ORDER BY starts_at, id LIMIT $3`,
    );
  }

  /** Sessions not yet over, nearest first; cancelled ones stay listed so people see the change. */
  async upcoming(user: User, page: number, pageSize: number, now = new Date()): Promise<{ items: ListedSession[]; total: number }> {
    const rows = await this.upcomingRead.rows([user.id, now, MAX_SESSION_DAYS, pageSize, (page - 1) * pageSize]);
    return { items: rows.map((row) => this.listed(row)), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /**
   * Sessions starting on the Riga calendar day of `now`: those the instructor teaches or whose cohort they teach;
   * every session of the day for an admin.
   */
  async today(user: User, now = new Date()): Promise<ListedSession[]> {
    const p = rigaParts(now);
    const from = rigaTime(p.year, p.month, p.day);
    const to = rigaTime(p.year, p.month, p.day + 1);
    const rows = user.hasRole('admin') ? await this.todayAllRead.rows([from, to]) : await this.todayMineRead.rows([user.id, from, to]);
    return rows.map((row) => this.listed(row));
  }

  /** What the person's calendar feed holds: the last year and everything ahead, at most `limit` sessions. */
  async forCalendar(userId: string, now = new Date(), limit = 2000): Promise<ListedSession[]> {
    const rows = await this.calendarRead.rows([userId, now, limit]);
    return rows.map((row) => this.listed(row));
  }

  private listed(row: ListedRow): ListedSession {
    return { session: Object.assign(this.sessions.from(row), { instructors: row.instructors }), cohortName: row.cohort_name };
  }
}
