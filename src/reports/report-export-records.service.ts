import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReportExport } from './report-export.entity';

/** What the job needs of the person who asked, to read the report as them. */
export interface RequesterRecord {
  id: string;
  roles: string[];
  language: string;
  disabled: boolean;
}

/**
 * The exports' hand-written SQL. Each change of state is one conditional UPDATE, so a job run twice (a retry, a
 * second worker, the sweeper's requeue) finishes an export once: the second run finds it no longer running.
 */
@Injectable()
export class ReportExportRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: Partial<ReportExport>): Promise<ReportExport> {
    const repo = manager.getRepository(ReportExport);
    return repo.save(repo.create(row));
  }

  find(id: string): Promise<ReportExport | null> {
    return this.dataSource.getRepository(ReportExport).findOneBy({ id });
  }

  /** The person's exports, newest first. */
  ofRequester(userId: string, limit: number): Promise<ReportExport[]> {
    return this.dataSource
      .getRepository(ReportExport)
      .find({ where: { requestedById: userId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** Starts (or starts again) a queued or interrupted export; null when it is done, failed or gone. */
  async claim(id: string): Promise<ReportExport | null> {
    const [rows]: [Record<string, unknown>[]] = await this.dataSource.query(
      `UPDATE report_exports SET status = 'running', rows_done = 0, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return rows.length ? this.find(id) : null;
  }

  async requester(userId: string): Promise<RequesterRecord | undefined> {
    const [row]: RequesterRecord[] = await this.dataSource.query(
      'SELECT id, roles, language, disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1',
      [userId],
    );
    return row;
  }

  async progress(id: string, rowsDone: number, rowsTotal: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_exports SET rows_done = $2, rows_total = $3, updated_at = now() WHERE id = $1 AND status = 'running'`,
      [id, rowsDone, rowsTotal],
    );
  }

  /** Records the file; false when another run finished first (its file is the one kept). */
  async finish(id: string, file: { key: string; name: string; size: number }, expiresAt: Date): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE report_exports
          SET status = 'done', file_key = $2, file_name = $3, file_size = $4, rows_done = COALESCE(rows_total, rows_done),
              finished_at = now(), updated_at = now(), expires_at = $5
        WHERE id = $1 AND status = 'running'`,
      [id, file.key, file.name, file.size, expiresAt],
    );
    return affected > 0;
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_exports SET status = 'failed', error = $2, finished_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error.slice(0, 500)],
    );
  }

  /** Exports whose link has expired, with their files, oldest first. */
  expired(now: Date, limit: number): Promise<{ id: string; file_key: string | null }[]> {
    return this.dataSource.query('SELECT id, file_key FROM report_exports WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2', [
      now,
      limit,
    ]);
  }

  /** Failed exports are kept a day for their page to explain, then removed like expired ones. */
  async removeFailedBefore(before: Date): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM report_exports WHERE status = 'failed' AND finished_at < $1`,
      [before],
    );
    return affected;
  }

  async remove(ids: string[]): Promise<void> {
    await this.dataSource.query('DELETE FROM report_exports WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Queued or running exports nothing has moved for since `before`: their job may have been lost with Redis. */
  async stalled(before: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM report_exports WHERE status IN ('queued', 'running') AND updated_at < $1 ORDER BY created_at LIMIT 500`,
      [before],
    );
    return rows.map((r) => r.id);
  }
}
