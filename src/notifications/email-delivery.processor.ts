import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { z } from 'zod';
import { runLoggedJob } from '../common/job-logging';
import { EMAIL_QUEUE, EmailDeliveryJob } from './notifications.constants';
import { DeliveryFailedError, DeliveryOutcome, OutboxDelivery } from './outbox-delivery';

const jobData = z.object({ outboxId: z.uuid() });

/** Delivers the outbox row named by the job; its BullMQ job id is the outbox id. */
@Processor(EMAIL_QUEUE, { concurrency: 5 })
export class EmailDeliveryProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EmailDeliveryProcessor.name);

  constructor(
    private readonly delivery: OutboxDelivery,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  async process(job: Job<EmailDeliveryJob>): Promise<DeliveryOutcome> {
    const parsed = jobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('Invalid email delivery job data');
    const { outboxId } = parsed.data;
    return runLoggedJob(this.pino, this.logger, job, { outboxId }, async () => {
      try {
        return await this.delivery.deliver(outboxId, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 });
      } catch (error) {
        // The outbox row is already marked failed: stop BullMQ from trying again.
        if (error instanceof DeliveryFailedError && error.final) throw new UnrecoverableError(error.message);
        throw error;
      }
    });
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
