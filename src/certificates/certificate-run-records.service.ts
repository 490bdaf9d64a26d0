import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RunFailureReason, RunItemStatus } from './certificate-run-item.entity';
import { CertificateRun } from './certificate-run.entity';

/** The advisory lock the worker running a certificate run holds for as long as it runs it (`$1`: the run's id). */
const RUN_LOCK_KEY = `hashtextextended('certificate-run:' || $1::text, 0)`;

/**
 * The completed members of a cohort (`$1`) who hold no valid certificate for its part: those a run issues to, and
 * the number its confirmation names.
 */
const ELIGIBLE_SQL = `
  SELECT ce.enrolment_id, ce.user_id, u.name
    FROM completed_enrolments ce
    JOIN users u ON u.id = ce.user_id
   WHERE ce.cohort_id = $1
     AND NOT EXISTS (SELECT 1 FROM certificates x
                      WHERE x.user_id = ce.user_id AND x.part_id = ce.part_id AND x.status = 'valid')`;

/** What became of one trainee of a run. */
export interface ItemSettlement {
  enrolmentId: string;
  status: Exclude<RunItemStatus, 'pending'>;
  certificateId: string | null;
  reason: RunFailureReason | null;
  detail: string | null;
}

export interface RunFailureRow {
  enrolment_id: string;
  user_id: string;
  user_name: string;
  reason: RunFailureReason;
  detail: string | null;
}

/**
 * The certificate runs' hand-written SQL. A run changes state with conditional UPDATEs, and its trainees are
 * taken a batch at a time with `FOR UPDATE SKIP LOCKED`, so a job run twice (a retry, a resumed run, a second
 * worker) never takes the same trainee twice at once and finishes a run once.
 */
@Injectable()
export class CertificateRunRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async eligibleCount(cohortId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM (${ELIGIBLE_SQL}) e`, [cohortId])) as { n: number }[];
    return row.n;
  }

  /**
   * Opens a run for the cohort in the caller's transaction, unless one is queued or running (the unique index on
   * active runs decides, also between two starts at once): the new run's id, or null.
   */
  async open(manager: EntityManager, cohortId: string, startedById: string | null): Promise<string | null> {
    const rows = (await manager.query(
      `INSERT INTO certificate_runs (cohort_id, part_id, started_by_id, total)
       SELECT c.id, c.part_id, $2, 0 FROM cohorts c WHERE c.id = $1
       ON CONFLICT (cohort_id) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING id`,
      [cohortId, startedById],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Gives the run one item per eligible trainee, in the order of their names; returns how many. */
  async addEligible(manager: EntityManager, runId: string, cohortId: string): Promise<number> {
    const [{ count }] = (await manager.query(
      `WITH added AS (
         INSERT INTO certificate_run_items (run_id, enrolment_id, user_id, position)
         SELECT $2, e.enrolment_id, e.user_id, row_number() OVER (ORDER BY e.name, e.enrolment_id)
           FROM (${ELIGIBLE_SQL}) e
         RETURNING 1)
       SELECT count(*)::int AS count FROM added`,
      [cohortId, runId],
    )) as { count: number }[];
    await manager.query('UPDATE certificate_runs SET total = $2 WHERE id = $1', [runId, count]);
    return count;
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CertificateRun | null> {
    return manager.getRepository(CertificateRun).findOneBy({ id });
  }

  /** The cohort's run queued or running, if there is one. */
  active(cohortId: string): Promise<CertificateRun | null> {
    return this.dataSource
      .getRepository(CertificateRun)
      .createQueryBuilder('r')
      .where('r.cohortId = :cohortId', { cohortId })
      .andWhere(`r.status IN ('queued', 'running')`)
      .getOne();
  }

  /** The cohort's runs, newest first. */
  ofCohort(cohortId: string, limit: number): Promise<CertificateRun[]> {
    return this.dataSource.getRepository(CertificateRun).find({ where: { cohortId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** The trainees a run could not issue to, in its order, with why. */
  failures(runId: string): Promise<RunFailureRow[]> {
    return this.dataSource.query(
      `SELECT i.enrolment_id, i.user_id, u.name AS user_name, i.reason, i.detail
         FROM certificate_run_items i JOIN users u ON u.id = i.user_id
        WHERE i.run_id = $1 AND i.status = 'failed'
        ORDER BY i.position`,
      [runId],
    );
  }

  /** Takes the run's worker lock on the manager's connection, if no one holds it; whether it was taken. */
  async tryLock(manager: EntityManager, runId: string): Promise<boolean> {
    const [{ held }] = (await manager.query(`SELECT pg_try_advisory_lock(${RUN_LOCK_KEY}) AS held`, [runId])) as { held: boolean }[];
    return held;
  }

  async unlock(manager: EntityManager, runId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_unlock(${RUN_LOCK_KEY})`, [runId]);
  }

  /** Starts (or starts again) a queued or interrupted run; null when it is done, failed or gone. */
  async claim(runId: string): Promise<CertificateRun | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE certificate_runs SET status = 'running', updated_at = now() WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [runId],
    )) as [{ id: string }[]];
    return rows.length ? this.find(runId) : null;
  }

  /** The next pending trainees of the run, locked for the caller's transaction; those another batch holds are skipped. */
  takePending(manager: EntityManager, runId: string, limit: number): Promise<{ enrolment_id: string }[]> {
    return manager.query(
      `SELECT enrolment_id FROM certificate_run_items
        WHERE run_id = $1 AND status = 'pending'
        ORDER BY position
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [runId, limit],
    );
  }

  /**
   * The run's pending trainees after `afterPosition`, in order, read without a lock: those whose certificates a
   * worker draws ahead of the batch that will take them.
   */
  peekPending(runId: string, afterPosition: number, limit: number): Promise<{ enrolment_id: string; position: number }[]> {
    return this.dataSource.query(
      `SELECT enrolment_id, position FROM certificate_run_items
        WHERE run_id = $1 AND status = 'pending' AND position > $2
        ORDER BY position
        LIMIT $3`,
      [runId, afterPosition, limit],
    );
  }

  /** Records what became of trainees still pending, and counts them on the run, in one statement. */
  async settle(manager: EntityManager, runId: string, settled: ItemSettlement[]): Promise<void> {
    if (!settled.length) return;
    await manager.query(
      `WITH s AS (
         UPDATE certificate_run_items i
            SET status = s.status, certificate_id = s.certificate_id, reason = s.reason, detail = s.detail, finished_at = now()
           FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[])
                AS s(enrolment_id, status, certificate_id, reason, detail)
          WHERE i.run_id = $1 AND i.enrolment_id = s.enrolment_id AND i.status = 'pending'
         RETURNING i.status)
       UPDATE certificate_runs
          SET issued = issued + (SELECT count(*) FROM s WHERE status = 'issued'),
              held = held + (SELECT count(*) FROM s WHERE status = 'held'),
              failed = failed + (SELECT count(*) FROM s WHERE status = 'failed'),
              updated_at = now()
        WHERE id = $1`,
      [
        runId,
        settled.map((s) => s.enrolmentId),
        settled.map((s) => s.status),
        settled.map((s) => s.certificateId),
        settled.map((s) => s.reason),
        settled.map((s) => s.detail?.slice(0, 500) ?? null),
      ],
    );
  }

  /** Marks the run done once no trainee is pending; whether it did. */
  async finish(runId: string): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE certificate_runs SET status = 'done', finished_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'running'
          AND NOT EXISTS (SELECT 1 FROM certificate_run_items WHERE run_id = $1 AND status = 'pending')`,
      [runId],
    )) as [unknown, number];
    return affected > 0;
  }

  /** Stops a run for good with the reason; its trainees still pending stay so. */
  async fail(runId: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE certificate_runs SET status = 'failed', error = $2, finished_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [runId, error.slice(0, 500)],
    );
  }

  /**
   * Runs left `running` by a worker that no longer holds their lock (it stopped, or lost its database connection)
   * are queued again, each under a new job id: their ids and how often they have been resumed.
   */
  async requeueInterrupted(): Promise<{ id: string; resumes: number }[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE certificate_runs SET status = 'queued', resumes = resumes + 1, updated_at = now()
        WHERE id IN (SELECT id FROM certificate_runs WHERE status = 'running')
          AND status = 'running' AND pg_try_advisory_xact_lock(${RUN_LOCK_KEY.replace('$1', 'id')})
        RETURNING id, resumes`,
    )) as [{ id: string; resumes: number }[]];
    return rows;
  }

  /** Runs waiting for a worker, oldest first: their jobs may have been lost with Redis. */
  queued(): Promise<{ id: string; resumes: number }[]> {
    return this.dataSource.query(`SELECT id, resumes FROM certificate_runs WHERE status = 'queued' ORDER BY created_at LIMIT 500`);
  }
}
