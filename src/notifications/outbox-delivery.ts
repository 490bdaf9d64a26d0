import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { unitOfWork } from '../database/unit-of-work';
import { UsersService } from '../users/users.service';
import { Mailer } from './mailer';
import { OutboxRecords } from './outbox-records.service';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

export interface DeliveryAttempt {
  /** 1 for the first try of this job. */
  attempt: number;
  maxAttempts: number;
}

export type DeliveryOutcome = Exclude<OutboxStatus, 'pending'> | 'retry' | 'skipped';

/** An SMTP failure, raised after its attempt is recorded; `final` when no retry follows. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly outboxId: string,
    readonly final: boolean,
    reason: unknown,
  ) {
    super(`Delivery of ${outboxId} failed: ${errorText(reason)}`);
    this.name = 'DeliveryFailedError';
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/** A row is taken for sending when pending, or when uncertain (or left `sending` by a sender that is gone). */
const TAKEABLE: OutboxStatus[] = ['pending', 'sending', 'uncertain'];

/**
 * Sends one outbox row, at most once unless a crash makes that uncertain.
 *
 * The row is marked `sending` and committed before the SMTP server sees it, and the sender holds a PostgreSQL
 * advisory lock on it for as long as it sends, so another worker (a duplicate job, the sweeper) finds it either
 * locked (still being sent: nothing to do) or unlocked and still `sending` (its sender died mid-delivery). Such
 * a row may or may not have arrived: it is sent once more, with the same Message-ID, and after a second
 * interruption it stays `uncertain` for an administrator.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger(OutboxDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly users: UsersService,
    private readonly records: OutboxRecords,
  ) {}

  async deliver(outboxId: string, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let failure: DeliveryFailedError | undefined;
    let outcome: DeliveryOutcome = 'skipped';
    try {
      // The session-level lock a worker holds on a row while it sends it; it dies with the worker's connection.
      if (await this.records.tryLockSender(runner.manager, outboxId)) {
        try {
          // On the connection that holds the sender lock: `sending` is committed before the SMTP server sees the email.
          const taken = await unitOfWork(runner.manager, (manager) => this.take(manager, outboxId));
          if (taken instanceof OutboxMessage) {
            try {
              await this.mailer.send(taken);
              outcome = await this.finish(runner.manager, taken, 'sent');
            } catch (error) {
              const final = Math.max(attempt.attempt, taken.attempts + 1) >= attempt.maxAttempts;
              failure = new DeliveryFailedError(taken.id, final, error);
              await runner.manager
                .getRepository(OutboxMessage)
                .update(
                  { id: taken.id },
                  { attempts: taken.attempts + 1, lastError: errorText(error), status: final ? 'failed' : 'pending' },
                );
              outcome = final ? 'failed' : 'retry';
            }
          } else {
            outcome = taken;
          }
        } finally {
          await this.records.unlockSender(runner.manager, outboxId).catch(() => undefined);
        }
      }
    } finally {
      await runner.release();
    }
    this.logger.log({ outboxId, attempt: attempt.attempt, outcome }, 'Email delivery');
    // Thrown after the attempt is recorded, so the attempt and its error are kept while BullMQ retries.
    if (failure) throw failure;
    return outcome;
  }

  /**
   * Under the sender lock: marks the row `sending` (committed when this returns) and returns it to be sent,
   * or settles it without sending and returns the outcome.
   */
  private async take(manager: EntityManager, outboxId: string): Promise<OutboxMessage | DeliveryOutcome> {
    const repo = manager.getRepository(OutboxMessage);
    const message = await repo
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('m.id = :id', { id: outboxId })
      .andWhere('m.status IN (:...statuses)', { statuses: TAKEABLE })
      .getOne();
    if (!message) return 'skipped';
    const interrupted = message.status !== 'pending';
    if (interrupted && message.uncertainResent) {
      await repo.update({ id: message.id }, { status: 'uncertain' });
      this.logger.warn({ outboxId }, 'Email delivery interrupted twice; left uncertain');
      return 'uncertain';
    }
    if (!interrupted) {
      if (!(await this.recipientWants(manager, message))) return this.finish(manager, message, 'suppressed');
      if (!this.mailer.enabled) return this.finish(manager, message, 'not_delivered');
    } else {
      this.logger.warn({ outboxId }, 'Email delivery was interrupted; sending once more with the same Message-ID');
    }
    await repo.update({ id: message.id }, { status: 'sending', uncertainResent: interrupted || message.uncertainResent });
    return Object.assign(message, { uncertainResent: interrupted || message.uncertainResent });
  }

  private async finish(
    manager: EntityManager,
    message: OutboxMessage,
    status: 'sent' | 'suppressed' | 'not_delivered',
  ): Promise<DeliveryOutcome> {
    const sent = status === 'sent';
    await manager.getRepository(OutboxMessage).update(
      { id: message.id },
      {
        status,
        attempts: sent ? message.attempts + 1 : message.attempts,
        sentAt: sent ? new Date() : null,
        lastError: sent ? null : message.lastError,
      },
    );
    return status;
  }

  /** Account emails always go; reminders and updates only while the recipient has not switched them off. */
  private async recipientWants(manager: EntityManager, message: OutboxMessage): Promise<boolean> {
    if (message.category === 'account' || !message.recipientId) return true;
    // On the sender's connection: a second pooled one, taken while the row is locked, would leave a worker whose
    // deliveries fill its pool waiting on itself.
    const user = await this.users.get(message.recipientId, manager).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!user || user.disabledAt) return false;
    return message.category === 'reminder' ? user.notifyReminders : user.notifyUpdates;
  }
}
