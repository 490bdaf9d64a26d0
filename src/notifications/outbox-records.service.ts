import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The advisory lock a sender holds on an outbox row while it sends (`$1`: the row's id). */
export const SENDER_LOCK_KEY = `hashtextextended('outbox:' || $1::text, 0)`;

/** A LIKE pattern for text starting with `prefix`, its wildcards escaped. */
export function startsWith(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The notifications feature's hand-written SQL on the outbox: deduplication keys, the sender's advisory lock and
 * the rows a dead sender left behind. Statements that take a manager run in its transaction (or on its connection).
 */
@Injectable()
export class OutboxRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of the deduplication keys are written already. */
  async existingKeys(manager: EntityManager, dedupKeys: string[]): Promise<Set<string>> {
    if (!dedupKeys.length) return new Set();
    const rows: { dedup_key: string }[] = await manager.query('SELECT dedup_key FROM outbox_messages WHERE dedup_key = ANY($1)', [
      dedupKeys,
    ]);
    return new Set(rows.map((row) => row.dedup_key));
  }

  /** Renames the keys of suppressed messages under a prefix, so the same keys may be written again; how many. */
  async releaseSuppressed(manager: EntityManager, dedupKeyPrefix: string): Promise<number> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE outbox_messages SET dedup_key = dedup_key || ':released:' || id WHERE status = 'suppressed' AND dedup_key LIKE $1`,
      [startsWith(dedupKeyPrefix)],
    );
    return result[1] ?? 0;
  }

  /** Takes the sender lock of a row on the manager's connection, if no one holds it; whether it was taken. */
  async tryLockSender(manager: EntityManager, outboxId: string): Promise<boolean> {
    const [{ held }]: { held: boolean }[] = await manager.query(`SELECT pg_try_advisory_lock(${SENDER_LOCK_KEY}) AS held`, [outboxId]);
    return held;
  }

  async unlockSender(manager: EntityManager, outboxId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_unlock(${SENDER_LOCK_KEY})`, [outboxId]);
  }

  /** Marks `uncertain` the rows left `sending` before `cutoff` whose sender no longer holds its lock; how many. */
  async markInterrupted(cutoff: Date): Promise<number> {
    const [, marked] = (await this.dataSource.query(
      `UPDATE outbox_messages SET status = 'uncertain', updated_at = now()
        WHERE id IN (SELECT id FROM outbox_messages WHERE status = 'sending' AND updated_at < $1)
          AND status = 'sending' AND pg_try_advisory_xact_lock(${SENDER_LOCK_KEY.replace('$1', 'id')})`,
      [cutoff],
    )) as [unknown, number];
    return marked;
  }
}
