import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EmailCategory, OutboxStatus } from './outbox-message.entity';

/** The advisory lock a sender holds on an outbox row while it sends (`$1`: the row's id). */
export const SENDER_LOCK_KEY = `hashtextextended('outbox:' || $1::text, 0)`;

/** A LIKE pattern for text starting with `prefix`, its wildcards escaped. */
export function startsWith(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An outbox row taken by a sender: what it needs to send it or to say why it did not. */
export interface ClaimedEmail {
  id: string;
  /** `sending`, or what the row was settled as without sending: `suppressed`, `not_delivered`, `uncertain`. */
  status: OutboxStatus;
  /** The row was found `sending` or `uncertain`: its earlier sender was cut off, and this is its one more send. */
  interrupted: boolean;
  recipientEmail: string;
  category: EmailCategory;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  data: Record<string, unknown>;
  /** Attempts before this one. */
  attempts: number;
}

/** What became of a row taken for sending: `sent`, or an SMTP failure, retried (`pending`) or not (`failed`). */
export interface DeliveryResult {
  id: string;
  status: 'sent' | 'pending' | 'failed';
  error: string | null;
}

/** Whether the recipient still wants the email: account emails always; others while the account is active and that kind is on. */
const WANTED = `(m.category = 'account' OR m.recipient_id IS NULL
   OR coalesce(u.disabled_at IS NULL AND CASE m.category WHEN 'reminder' THEN u.notify_reminders ELSE u.notify_updates END, false))`;

/**
 * What became of the rows sent last (`$1` to `$3`), each counting as one attempt: a statement of its own, committed
 * when it returns. It only waits: another sender's claim may hold one of these rows for a moment (and skips it).
 * Were it part of the claim below, two senders whose ids overlap could each hold a row the other is recording, and
 * PostgreSQL would end one statement as a deadlock, losing the record of emails already sent.
 */
const RECORD_SQL = `
UPDATE outbox_messages m
   SET status = r.status, attempts = m.attempts + 1, last_error = r.error, updated_at = now(),
       sent_at = CASE WHEN r.status = 'sent' THEN now() ELSE m.sent_at END
  FROM unnest($1::uuid[], $2::varchar[], $3::text[]) AS r(id, status, error)
 WHERE m.id = r.id AND m.status = 'sending'`;

/**
 * Takes the next rows for sending, committed when it returns; it never waits for a lock. They are, among the ids
 * `$1`, the rows pending, or left `sending` or `uncertain`, that no one else has locked, each under its sender lock
 * (session-level: held until the connection lets go of it). A row sent once already after an interruption becomes
 * `uncertain`; a pending one whose recipient no longer wants it `suppressed`, or `not_delivered` when there is no
 * SMTP server (`$2`); the rest `sending`.
 */
const CLAIM_SQL = `
WITH candidates AS MATERIALIZED (
  SELECT id FROM outbox_messages
   WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'sending', 'uncertain')
   ORDER BY id
     FOR UPDATE SKIP LOCKED
), held AS MATERIALIZED (
  SELECT id FROM candidates WHERE pg_try_advisory_lock(${SENDER_LOCK_KEY.replace('$1', 'id')})
), decided AS MATERIALIZED (
  SELECT m.id, m.status <> 'pending' AS interrupted,
         CASE WHEN m.status <> 'pending' AND m.uncertain_resent THEN 'uncertain'
              WHEN m.status <> 'pending' THEN 'sending'
              WHEN NOT ${WANTED} THEN 'suppressed'
              WHEN NOT $2::boolean THEN 'not_delivered'
              ELSE 'sending' END AS status
    FROM held JOIN outbox_messages m ON m.id = held.id
    LEFT JOIN users u ON u.id = m.recipient_id
)
UPDATE outbox_messages m
   SET status = d.status, uncertain_resent = m.uncertain_resent OR (d.interrupted AND d.status = 'sending'), updated_at = now()
  FROM decided d
 WHERE m.id = d.id
RETURNING m.id, m.status, d.interrupted, m.recipient_email AS "recipientEmail", m.category, m.subject, m.html, m.text,
          m.message_id AS "messageId", m.data, m.attempts`;

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

  /**
   * On the manager's connection, outside a transaction: records what became of the rows sent last (RECORD_SQL), then
   * takes the rows among `ids` that are free to send (CLAIM_SQL), whose sender locks stay held on the connection.
   */
  async recordAndClaim(manager: EntityManager, results: DeliveryResult[], ids: string[], smtpEnabled: boolean): Promise<ClaimedEmail[]> {
    if (results.length)
      await manager.query(RECORD_SQL, [results.map((r) => r.id), results.map((r) => r.status), results.map((r) => r.error)]);
    if (!ids.length) return [];
    const [rows]: [ClaimedEmail[], number] = await manager.query(CLAIM_SQL, [ids, smtpEnabled]);
    return rows;
  }

  /** Releases the sender locks of the manager's connection, taken from the pool for them: every advisory lock it holds. */
  async unlockAllSenders(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_unlock_all()');
  }

  /**
   * Rows to queue again, after `after` in id order: pending, or uncertain and not yet sent again, unchanged since
   * `cutoff`; a pending row that failed before only once its backoff (BullMQ's exponential one, from `backoffMs`)
   * has also passed, as its own job may be waiting for it.
   */
  async sweepable(cutoff: Date, backoffMs: number, after: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM outbox_messages
        WHERE (status = 'pending' OR (status = 'uncertain' AND NOT uncertain_resent))
          AND updated_at < $1::timestamptz - CASE WHEN status = 'pending' AND attempts > 0
                THEN $2::float8 * power(2, least(attempts - 1, 30)) * interval '1 millisecond' ELSE interval '0' END
          AND ($3::uuid IS NULL OR id > $3::uuid)
        ORDER BY id
        LIMIT $4`,
      [cutoff, backoffMs, after, limit],
    );
    return rows.map((row) => row.id);
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
