import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Every metric of one programme, counted from the data in one statement: trainees who are (or were) members of
 * its cohorts (cohort_members: enrolled now, or finished either way) and those who completed, sessions held
 * (ended and not cancelled) and materials of its parts and cohorts.
 */
const METRICS_SQL = `
  WITH programme_cohorts AS (
    SELECT c.id FROM cohorts c JOIN parts p ON p.id = c.part_id WHERE p.programme_id = $1
  ), held AS (
    SELECT s.kind FROM sessions s
     WHERE s.cohort_id IN (SELECT id FROM programme_cohorts) AND s.status <> 'cancelled' AND s.ends_at <= now()
  )
  SELECT
    (SELECT count(DISTINCT m.user_id) FROM cohort_members m
      WHERE m.cohort_id IN (SELECT id FROM programme_cohorts))::int AS trainees_enrolled,
    (SELECT count(DISTINCT m.user_id) FROM cohort_members m
      WHERE m.cohort_id IN (SELECT id FROM programme_cohorts) AND m.status = 'completed')::int AS trainees_completed,
    (SELECT count(*) FROM held)::int AS sessions_held,
    (SELECT count(*) FROM held WHERE kind = 'study_visit')::int AS study_visits_held,
    (SELECT count(*) FROM held WHERE kind = 'seminar')::int AS seminars_held,
    (SELECT count(*) FROM materials m
      WHERE m.part_id IN (SELECT id FROM parts WHERE programme_id = $1)
         OR m.cohort_id IN (SELECT id FROM programme_cohorts))::int AS materials_published
`;

/** The programmes feature's hand-written SQL: counts across parts and cohorts, metrics, and part numbering. */
@Injectable()
export class ProgrammeRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The counted metrics of a programme (each a column of the row), or nothing when it has no data at all. */
  async metrics(programmeId: string): Promise<Record<string, number | string> | undefined> {
    const [row]: Record<string, number | string>[] = await this.dataSource.query(METRICS_SQL, [programmeId]);
    return row;
  }

  /** The active programmes, each with the first day of its first cohort and the last day of its last (null without cohorts). */
  activeWithPeriods(): Promise<
    { id: string; title_lv: string; title_en: string | null; starts_on: string | null; ends_on: string | null }[]
  > {
    return this.dataSource.query(
      `SELECT g.id, g.title_lv, g.title_en, min(c.starts_on)::text AS starts_on, max(c.ends_on)::text AS ends_on
         FROM programmes g LEFT JOIN parts p ON p.programme_id = g.id LEFT JOIN cohorts c ON c.part_id = p.id
        WHERE g.status = 'active'
        GROUP BY g.id, g.title_lv, g.title_en
        ORDER BY g.created_at, g.id`,
    );
  }

  /** How many parts and cohorts each programme has, by programme id (programmes with no parts are missing). */
  async counts(): Promise<Map<string, { parts: number; cohorts: number }>> {
    const rows: { id: string; parts: number; cohorts: number }[] = await this.dataSource.query(
      `SELECT p.programme_id AS id, count(DISTINCT p.id)::int AS parts, count(c.id)::int AS cohorts
         FROM parts p LEFT JOIN cohorts c ON c.part_id = p.id GROUP BY p.programme_id`,
    );
    return new Map(rows.map((row) => [row.id, { parts: row.parts, cohorts: row.cohorts }]));
  }

  async nextPartNumber(manager: EntityManager, programmeId: string): Promise<number> {
    const [row]: { next: number }[] = await manager.query(
      'SELECT COALESCE(max(number), 0) + 1 AS next FROM parts WHERE programme_id = $1',
      [programmeId],
    );
    return row.next;
  }

  /** Moves every part of the programme out of the way (to minus its number) before they are numbered anew. */
  async clearPartNumbers(manager: EntityManager, programmeId: string): Promise<void> {
    await manager.query('UPDATE parts SET number = -number WHERE programme_id = $1', [programmeId]);
  }
}
