import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { Language } from '../users/role';
import { MailRenderer } from './mail-renderer';
import { EMAIL_QUEUE, EmailDeliveryJob } from './notifications.constants';
import { EmailCategory, OutboxMessage } from './outbox-message.entity';
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

/** Default BullMQ options of a delivery job: retried with backoff, removed when done so the id can be queued again. */
export const DELIVERY_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;

@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    @InjectQueue(EMAIL_QUEUE) private readonly queue: Queue<EmailDeliveryJob>,
    private readonly renderer: MailRenderer,
    private readonly unsubscribe: UnsubscribeTokens,
    private readonly config: AppConfig,
  ) {}

  /**
   * Writes the email to the outbox inside the caller's transaction. Returns the new row, or null when an
   * email with the same deduplication key already exists. Call `dispatch` after the transaction commits.
   */
  async enqueue(manager: EntityManager, request: EmailRequest): Promise<OutboxMessage | null> {
    const id = randomUUID();
    const data: Record<string, unknown> = { ...request.data, publicUrl: this.config.env.PUBLIC_URL };
    if (request.category !== 'account' && request.to.id) {
      data.unsubscribeUrl = this.config.publicUrl(`/unsubscribe/${this.unsubscribe.sign(request.to.id, request.category)}`);
    }
    const rendered = this.renderer.render(request.template, request.to.language, data);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        id,
        dedupKey: request.dedupKey,
        recipientEmail: request.to.email,
        recipientId: request.to.id ?? null,
        template: request.template,
        category: request.category,
        language: request.to.language,
        data: data as never,
        ...rendered,
        status: 'pending',
        messageId: `<${id}@${new URL(this.config.env.PUBLIC_URL).hostname}>`,
      })
      .orIgnore()
      .returning('*')
      .execute();
    if (!result.raw.length) return null;
    return manager.getRepository(OutboxMessage).create(result.raw[0] as object);
  }

  /** Enqueues outside any transaction and dispatches at once. */
  async send(request: EmailRequest): Promise<OutboxMessage | null> {
    const message = await this.enqueue(this.messages.manager, request);
    if (message) await this.dispatch([message.id]);
    return message;
  }

  /**
   * Puts outbox rows on the delivery queue. A failure here loses nothing: the sweeper queues every row
   * still pending.
   */
  async dispatch(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      await this.queue.addBulk(ids.map((outboxId) => ({ name: 'deliver', data: { outboxId }, opts: { ...DELIVERY_JOB_OPTIONS, jobId: outboxId } })));
    } catch (error) {
      this.logger.warn({ err: error, count: ids.length }, 'Could not queue emails now; the sweeper will queue them');
    }
  }
}
