import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Mailer } from './mailer';
import { SEND_SLOTS } from './notifications.constants';
import { ClaimedEmail, DeliveryResult, OutboxRecords } from './outbox-records.service';
import { OutboxStatus } from './outbox-message.entity';
import { SendSlots } from './send-slots';

export interface DeliveryAttempt {
  /** 1 for the first try of this job. */
  attempt: number;
  maxAttempts: number;
}

export type DeliveryOutcome = Exclude<OutboxStatus, 'pending' | 'sending'> | 'retry' | 'skipped';

/** How many of a job's emails ended each way. */
export type DeliverySummary = Record<DeliveryOutcome, number>;

/** SMTP failures of a job's emails, raised after they are recorded so that BullMQ tries the job again. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly outboxIds: string[],
    readonly summary: DeliverySummary,
  ) {
    super(`Delivery of ${outboxIds.length} email(s) failed and will be tried again: ${outboxIds.join(', ')}`);
    this.name = 'DeliveryFailedError';
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

const emptySummary = (): DeliverySummary => ({
  sent: 0,
  retry: 0,
  failed: 0,
  suppressed: 0,
  not_delivered: 0,
  uncertain: 0,
  skipped: 0,
});

/**
 * Sends outbox rows, each at most once unless a crash makes that uncertain.
 *
 * A job sends its rows a few at a time, as many as the send slots it holds, on one database connection. One
 * statement records what became of the rows sent last and takes the next ones: it locks them, takes a PostgreSQL
 * advisory lock on each, held until the job ends, and marks them `sending`, committed before the SMTP server sees
 * them. Another worker (a duplicate job, the sweeper) finds such a row either locked (still being sent, or sent by
 * a job still running: nothing to do) or unlocked and still `sending` (its sender died mid-delivery). Such a row
 * may or may not have arrived: it is sent once more, with the same Message-ID, and after a second interruption it
 * stays `uncertain` for an administrator.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger(OutboxDelivery.name);
  private readonly slots = new SendSlots(SEND_SLOTS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly records: OutboxRecords,
  ) {}

  /** Delivers the rows; throws, once every attempt is recorded, when some are to be tried again. */
  async deliver(outboxIds: string[], attempt: DeliveryAttempt): Promise<DeliverySummary> {
    const ids = [...new Set(outboxIds)];
    const summary = emptySummary();
    const retry: string[] = [];
    // Slots first, then a connection: a job holding a connection never waits for slots held by one waiting for a connection.
    let slots = await this.slots.take(ids.length);
    const runner = this.dataSource.createQueryRunner();
    let locked = false;
    try {
      let results: DeliveryResult[] = [];
      for (let next = 0; next < ids.length || results.length;) {
        slots += this.slots.takeFree(Math.min(SEND_SLOTS, ids.length - next) - slots);
        const taking = ids.slice(next, next + slots);
        next += taking.length;
        const claimed = await this.records.recordAndClaim(runner.manager, results, taking, this.mailer.enabled);
        locked ||= claimed.length > 0;
        for (const result of results) summary[result.status === 'pending' ? 'retry' : result.status] += 1;
        retry.push(...results.filter((result) => result.status === 'pending').map((result) => result.id));
        summary.skipped += taking.length - claimed.length;
        results = await Promise.all(claimed.filter((email) => this.toSend(email, summary)).map((email) => this.send(email, attempt)));
      }
    } catch (error) {
      // The last statement may have taken sender locks before it failed.
      locked = true;
      throw error;
    } finally {
      if (locked) await this.records.unlockAllSenders(runner.manager).catch(() => undefined);
      await runner.release();
      this.slots.give(slots);
    }
    this.logger.log({ count: ids.length, attempt: attempt.attempt, ...summary }, 'Email delivery');
    // Thrown after the attempts are recorded, so each attempt and its error are kept while BullMQ retries.
    if (retry.length) throw new DeliveryFailedError(retry, summary);
    return summary;
  }

  /** Counts a claimed row settled without sending; true for a row to send. */
  private toSend(email: ClaimedEmail, summary: DeliverySummary): boolean {
    if (email.status === 'sending') {
      if (email.interrupted) {
        this.logger.warn({ outboxId: email.id }, 'Email delivery was interrupted; sending once more with the same Message-ID');
      }
      return true;
    }
    if (email.status === 'uncertain') this.logger.warn({ outboxId: email.id }, 'Email delivery interrupted twice; left uncertain');
    summary[email.status as DeliveryOutcome] += 1;
    return false;
  }

  private async send(email: ClaimedEmail, attempt: DeliveryAttempt): Promise<DeliveryResult> {
    try {
      await this.mailer.send(email);
      return { id: email.id, status: 'sent', error: null };
    } catch (error) {
      const final = Math.max(attempt.attempt, email.attempts + 1) >= attempt.maxAttempts;
      this.logger.warn({ outboxId: email.id, attempt: attempt.attempt, final, err: error }, 'Email delivery failed');
      return { id: email.id, status: final ? 'failed' : 'pending', error: errorText(error) };
    }
  }
}
