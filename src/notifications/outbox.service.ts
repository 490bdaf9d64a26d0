import { createHash, randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { Env } from '../config/env.schema';
import type { Language } from '../i18n/languages';
import { afterCommit } from '../database/unit-of-work';
import { MailRenderer } from './mail-renderer';
import { DELIVERY_JOB_ROWS, EMAIL_QUEUE, EmailDeliveryJob } from './notifications.constants';
import { EmailCategory, OutboxMessage } from './outbox-message.entity';
import { OutboxRecords, startsWith } from './outbox-records.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

export interface EmailRecipient {
  email: string;
  id?: string | null;
  language: Language;
}

export interface EmailRequest {
  to: EmailRecipient;
  template: string;
  category: EmailCategory;
  data: Record<string, unknown>;
  /** The same key is never queued twice, e.g. `session-reminder:<session>:<user>:24h`. */
  dedupKey: string;
}

/**
 * BullMQ options of a delivery job: retried with exponential backoff, removed when done so the same id can be
 * queued again (a resend, the sweeper). The outbox row, not Redis, keeps the outcome.
 */
export function deliveryJobOptions(env: Pick<Env, 'EMAIL_MAX_ATTEMPTS' | 'EMAIL_BACKOFF_MS'>) {
  return {
    attempts: env.EMAIL_MAX_ATTEMPTS,
    backoff: { type: 'exponential', delay: env.EMAIL_BACKOFF_MS },
    removeOnComplete: true,
    removeOnFail: true,
  } as const;
}

const DISPATCH_TIMEOUT_MS = 5_000;

/**
 * The delivery jobs of outbox rows: up to DELIVERY_JOB_ROWS rows a job, in the order given. A job's id is fixed by
 * its rows: the row's own id for a job of one, so queueing the same rows again while their job waits adds nothing.
 */
export function deliveryJobs(ids: string[]): { jobId: string; data: EmailDeliveryJob }[] {
  const jobs = [];
  for (let i = 0; i < ids.length; i += DELIVERY_JOB_ROWS) {
    const outboxIds = ids.slice(i, i + DELIVERY_JOB_ROWS);
    const jobId =
      outboxIds.length === 1 ? outboxIds[0] : `rows-${createHash('sha256').update(outboxIds.join(',')).digest('hex').slice(0, 32)}`;
    jobs.push({ jobId, data: { outboxIds } });
  }
  return jobs;
}

@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    @InjectQueue(EMAIL_QUEUE) private readonly queue: Queue<EmailDeliveryJob>,
    private readonly renderer: MailRenderer,
    private readonly unsubscribe: UnsubscribeTokens,
    private readonly config: AppConfig,
    private readonly records: OutboxRecords,
  ) {}

  /**
   * Writes the email to the outbox inside the caller's transaction. Returns the new row, or null when an
   * email with the same deduplication key already exists. Inside a `unitOfWork` the email is queued once the
   * transaction commits; outside one it is queued at once.
   */
  async enqueue(manager: EntityManager, request: EmailRequest): Promise<OutboxMessage | null> {
    const row = this.toRow(request);
    const result = await manager.createQueryBuilder().insert().into(OutboxMessage).values(row).orIgnore().returning(['id']).execute();
    if (!result.raw.length) return null;
    const message = await manager.getRepository(OutboxMessage).findOneByOrFail({ id: row.id });
    await this.queueAfterCommit(manager, [message.id]);
    return message;
  }

  /** Writes an email outside any transaction and queues it at once. */
  async send(request: EmailRequest): Promise<OutboxMessage | null> {
    return this.enqueue(this.messages.manager, request);
  }

  /**
   * Queues rows once the unit of work `manager` belongs to commits, or now outside a transaction. A transaction not
   * opened with `unitOfWork` is refused (see `afterCommit`): its emails would wait for a commit no one watches.
   */
  private async queueAfterCommit(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await afterCommit(manager, () => this.requeue(ids));
  }

  /**
   * Puts outbox rows on the delivery queue again: for the sweeper and a resend. New emails need no call, `enqueue`
   * queues them after commit. A failure here loses nothing: the sweeper queues every row still pending.
   */
  async requeue(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const options = deliveryJobOptions(this.config.env);
    let timer: NodeJS.Timeout | undefined;
    // While Redis is away its client waits for it; the request that wrote the email should not.
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), DISPATCH_TIMEOUT_MS);
    });
    try {
      const added = this.queue.addBulk(
        deliveryJobs(ids).map(({ jobId, data }) => ({ name: 'deliver', data, opts: { ...options, jobId } })),
      );
      added.catch(() => undefined);
      await Promise.race([added, timeout]);
    } catch (error) {
      this.logger.warn({ err: error, count: ids.length }, 'Could not queue emails now; the sweeper will queue them');
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Writes many emails in the caller's transaction with a few multi-row inserts (reminder scans create
   * thousands at once). Rows whose deduplication key exists are skipped; returns the ids of the new rows.
   */
  async enqueueMany(manager: EntityManager, requests: EmailRequest[], chunkSize = 500): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < requests.length; i += chunkSize) {
      const values = requests.slice(i, i + chunkSize).map((request) => this.toRow(request));
      const result = await manager.createQueryBuilder().insert().into(OutboxMessage).values(values).orIgnore().returning(['id']).execute();
      ids.push(...(result.raw as { id: string }[]).map((row) => row.id));
    }
    await this.queueAfterCommit(manager, ids);
    return ids;
  }

  /** The outbox row of a request: rendered in the recipient's language, with its unsubscribe link and Message-ID. */
  private toRow(request: EmailRequest) {
    const id = randomUUID();
    const data: Record<string, unknown> = { ...request.data, publicUrl: this.config.env.PUBLIC_URL };
    if (request.category !== 'account' && request.to.id) {
      data.unsubscribeUrl = this.config.publicUrl(`/unsubscribe/${this.unsubscribe.sign(request.to.id, request.category)}`);
    }
    return {
      id,
      dedupKey: request.dedupKey,
      recipientEmail: request.to.email,
      recipientId: request.to.id ?? null,
      template: request.template,
      category: request.category,
      language: request.to.language,
      data: data as never,
      ...this.renderer.render(request.template, request.to.language, data),
      status: 'pending' as const,
      messageId: `<${id}@${new URL(this.config.env.PUBLIC_URL).hostname}>`,
    };
  }

  /** Which of the deduplication keys are written already (in the caller's transaction), so a scan renders only new emails. */
  existingKeys(manager: EntityManager, dedupKeys: string[]): Promise<Set<string>> {
    return this.records.existingKeys(manager, dedupKeys);
  }

  /**
   * Stops emails still pending whose deduplication key starts with the prefix (reminders of a session that
   * moved or was cancelled), in the caller's transaction; returns how many.
   */
  async suppressPending(manager: EntityManager, dedupKeyPrefix: string, reason: string): Promise<number> {
    const pattern = startsWith(dedupKeyPrefix);
    const result = await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: 'suppressed', lastError: reason })
      .where('status = :status', { status: 'pending' })
      .andWhere('dedup_key LIKE :pattern', { pattern })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * Frees the deduplication keys of suppressed messages under a prefix (they stay, renamed, as a record), so the
   * same message may be written again: the reminders of a cancelled session that is restored.
   */
  releaseSuppressed(manager: EntityManager, dedupKeyPrefix: string): Promise<number> {
    return this.records.releaseSuppressed(manager, dedupKeyPrefix);
  }
}
