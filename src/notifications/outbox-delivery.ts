import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { Mailer } from './mailer';
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

/**
 * Sends one outbox row. Idempotent: only a row still pending is touched, and it stays locked while it is
 * sent, so a duplicate job (after a stall or a sweep) finds nothing to do.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger(OutboxDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly users: UsersService,
  ) {}

  async deliver(outboxId: string, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    let failure: DeliveryFailedError | undefined;
    const outcome = await this.dataSource.transaction(async (manager): Promise<DeliveryOutcome> => {
      const message = await manager
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('m.id = :id', { id: outboxId })
        .andWhere('m.status = :status', { status: 'pending' })
        .getOne();
      if (!message) return 'skipped';
      if (!(await this.recipientWants(message))) return this.finish(manager, message, 'suppressed');
      if (!this.mailer.enabled) return this.finish(manager, message, 'not_delivered');
      try {
        await this.mailer.send(message);
      } catch (error) {
        const final = Math.max(attempt.attempt, message.attempts + 1) >= attempt.maxAttempts;
        failure = new DeliveryFailedError(message.id, final, error);
        await manager.getRepository(OutboxMessage).update(
          { id: message.id },
          { attempts: message.attempts + 1, lastError: errorText(error), status: final ? 'failed' : 'pending' },
        );
        return final ? 'failed' : 'retry';
      }
      return this.finish(manager, message, 'sent');
    });
    this.logger.log({ outboxId, attempt: attempt.attempt, outcome }, 'Email delivery');
    // Thrown after the commit, so the attempt and its error are kept while BullMQ retries.
    if (failure) throw failure;
    return outcome;
  }

  private async finish(manager: EntityManager, message: OutboxMessage, status: 'sent' | 'suppressed' | 'not_delivered'): Promise<DeliveryOutcome> {
    const sent = status === 'sent';
    await manager.getRepository(OutboxMessage).update(
      { id: message.id },
      { status, attempts: sent ? message.attempts + 1 : message.attempts, sentAt: sent ? new Date() : null, lastError: sent ? null : message.lastError },
    );
    return status;
  }

  /** Account emails always go; reminders and updates only while the recipient has not switched them off. */
  private async recipientWants(message: OutboxMessage): Promise<boolean> {
    if (message.category === 'account' || !message.recipientId) return true;
    const user = await this.users.get(message.recipientId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!user || user.disabledAt) return false;
    return message.category === 'reminder' ? user.notifyReminders : user.notifyUpdates;
  }
}
