import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The order of a cohort's waiting list: who joined it first. */
export const WAITING_ORDER = 'waitlisted_at ASC, created_at ASC, id ASC';

/**
 * The cohorts feature's hand-written SQL: membership and teaching (through the `cohort_members` and
 * `cohort_teachers` views), places and the waiting list. Reads that take a manager run in its transaction.
 */
@Injectable()
export class CohortRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async exists(sql: string, params: unknown[], manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 WHERE EXISTS (${sql})`, params);
    return rows.length > 0;
  }

  teaches(userId: string, cohortId: string): Promise<boolean> {
    return this.exists('SELECT 1 FROM cohort_teachers WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId]);
  }

  /** Teaches some cohort of the part. */
  teachesPart(userId: string, partId: string): Promise<boolean> {
    return this.exists('SELECT 1 FROM cohort_teachers WHERE part_id = $1 AND user_id = $2', [partId, userId]);
  }

  isMember(userId: string, cohortId: string, manager?: EntityManager): Promise<boolean> {
    return this.exists('SELECT 1 FROM cohort_members WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId], manager);
  }

  /** Teaches, or is a member of, some cohort of the part. */
  takesPartInPart(userId: string, partId: string): Promise<boolean> {
    return this.takesPartIn(userId, 'c.part_id = $1', partId);
  }

  /** Teaches, or is a member of, some cohort of the programme. */
  takesPartInProgramme(userId: string, programmeId: string): Promise<boolean> {
    return this.takesPartIn(userId, 'c.part_id IN (SELECT id FROM parts WHERE programme_id = $1)', programmeId);
  }

  private takesPartIn(userId: string, cohortCondition: string, id: string): Promise<boolean> {
    return this.exists(
      `SELECT 1 FROM cohorts c
        WHERE ${cohortCondition}
          AND (EXISTS (SELECT 1 FROM cohort_teachers t WHERE t.cohort_id = c.id AND t.user_id = $2)
            OR EXISTS (SELECT 1 FROM cohort_members m WHERE m.cohort_id = c.id AND m.user_id = $2))`,
      [id, userId],
    );
  }

  /** Ids of the cohorts the instructor teaches. */
  async taughtCohortIds(userId: string): Promise<string[]> {
    const rows: { cohort_id: string }[] = await this.dataSource.query('SELECT cohort_id FROM cohort_teachers WHERE user_id = $1', [userId]);
    return rows.map((row) => row.cohort_id);
  }

  /** Places held (by members); call it with the cohort locked when places are handed out. */
  async placesTaken(manager: EntityManager, cohortId: string): Promise<number> {
    const [row]: { taken: number }[] = await manager.query('SELECT count(*)::int AS taken FROM cohort_members WHERE cohort_id = $1', [
      cohortId,
    ]);
    return row.taken;
  }

  async waitingCount(manager: EntityManager, cohortId: string): Promise<number> {
    const [row]: { waiting: number }[] = await manager.query(
      "SELECT count(*)::int AS waiting FROM enrolments WHERE cohort_id = $1 AND status = 'waitlisted'",
      [cohortId],
    );
    return row.waiting;
  }

  /** Places taken and people waiting, per cohort. */
  async counts(cohortIds: string[]): Promise<Map<string, { taken: number; waiting: number }>> {
    if (!cohortIds.length) return new Map();
    const rows: { id: string; taken: number; waiting: number }[] = await this.dataSource.query(
      `SELECT c.id,
              (SELECT count(*) FROM cohort_members m WHERE m.cohort_id = c.id)::int AS taken,
              (SELECT count(*) FROM enrolments e WHERE e.cohort_id = c.id AND e.status = 'waitlisted')::int AS waiting
         FROM unnest($1::uuid[]) AS c(id)`,
      [cohortIds],
    );
    return new Map(rows.map((r) => [r.id, { taken: r.taken, waiting: r.waiting }]));
  }

  /** Enrols the first `count` waiting trainees of the cohort, in order; their ids. */
  async promoteWaiting(manager: EntityManager, cohortId: string, count: number): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE enrolments SET status = 'enrolled', enrolled_at = clock_timestamp(), updated_at = now()
        WHERE id IN (SELECT id FROM enrolments WHERE cohort_id = $1 AND status = 'waitlisted' ORDER BY ${WAITING_ORDER} LIMIT $2 FOR UPDATE)
        RETURNING id`,
      [cohortId, count],
    );
    return rows.map((row) => row.id);
  }

  /** 1-based places of waiting trainees, by enrolment id. */
  async waitingPositions(cohortIds: string[]): Promise<Map<string, number>> {
    if (!cohortIds.length) return new Map();
    const rows: { id: string; position: number }[] = await this.dataSource.query(
      `SELECT id, row_number() OVER (PARTITION BY cohort_id ORDER BY ${WAITING_ORDER})::int AS position
         FROM enrolments WHERE cohort_id = ANY($1) AND status = 'waitlisted'`,
      [cohortIds],
    );
    return new Map(rows.map((r) => [r.id, r.position]));
  }
}
