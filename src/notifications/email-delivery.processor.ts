import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { z } from 'zod';
import { runLoggedJob } from '../common/job-logging';
import { DELIVERY_JOB_ROWS, EMAIL_QUEUE, EmailDeliveryJob } from './notifications.constants';
import { DeliverySummary, OutboxDelivery } from './outbox-delivery';

/** The rows a job names; a job queued before jobs carried several rows names one as `outboxId`. */
const jobData = z.union([
  z.object({ outboxIds: z.array(z.uuid()).min(1).max(DELIVERY_JOB_ROWS) }),
  z.object({ outboxId: z.uuid() }).transform(({ outboxId }) => ({ outboxIds: [outboxId] })),
]);

/**
 * Delivers the outbox rows named by the job. Several jobs run at once; together they hand the SMTP server no more
 * emails at a time than the worker has send slots. A job whose emails met a temporary SMTP failure fails once
 * they are recorded, and BullMQ runs it again after its backoff: then only those are still pending.
 */
@Processor(EMAIL_QUEUE, { concurrency: 5 })
export class EmailDeliveryProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EmailDeliveryProcessor.name);

  constructor(
    private readonly delivery: OutboxDelivery,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  async process(job: Job<EmailDeliveryJob>): Promise<DeliverySummary> {
    const parsed = jobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('Invalid email delivery job data');
    const { outboxIds } = parsed.data;
    return runLoggedJob(this.pino, this.logger, job, { outboxIds }, () =>
      this.delivery.deliver(outboxIds, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 }),
    );
  }

  /** Redis errors (a lost connection, a job that vanished with Redis's data): the outbox sweeper recovers. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'Email queue worker error');
  }

  /** Lets active deliveries finish before the database connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
