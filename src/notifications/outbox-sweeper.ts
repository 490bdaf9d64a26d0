import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule, repeatEvery } from '../common/kept-job-scheduler';
import { AppConfig } from '../config/app-config';
import { OUTBOX_SWEEP_QUEUE } from './notifications.constants';
import { OutboxRecords } from './outbox-records.service';
import { OutboxService } from './outbox.service';

const SCHEDULER_ID = 'outbox-sweep';
const BATCH = 500;

/**
 * Puts back on the delivery queue every outbox row still pending: after Redis lost its data, after a worker
 * died, after a dispatch that failed. A job's id is fixed by its rows, so a sweep that finds the same rows adds no
 * second job while the first waits; and a row named by two jobs is sent by whichever takes it first.
 * A row left `sending` by a sender that is gone (its lock released with its connection) is marked `uncertain`
 * and queued for the one more send it gets.
 */
@Injectable()
export class OutboxSweeper extends KeptJobScheduler {
  constructor(
    @InjectQueue(OUTBOX_SWEEP_QUEUE) queue: Queue,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly records: OutboxRecords,
  ) {
    super(queue);
  }

  private get everyMs(): number {
    return this.config.env.OUTBOX_SWEEP_SECONDS * 1000;
  }

  protected schedule(): KeptSchedule {
    return repeatEvery(SCHEDULER_ID, 'sweep', this.everyMs);
  }

  /**
   * Queues the rows pending (or uncertain, not yet sent again) and unchanged for `olderThanMs`, those that failed
   * before only once their backoff is over too; returns how many.
   */
  async sweep(olderThanMs = Math.min(5_000, this.everyMs)): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanMs);
    await this.markInterrupted(cutoff);
    let count = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.records.sweepable(cutoff, this.config.env.EMAIL_BACKOFF_MS, after, BATCH);
      if (!ids.length) break;
      await this.outbox.requeue(ids);
      count += ids.length;
      after = ids[ids.length - 1];
      if (ids.length < BATCH) break;
    }
    return count;
  }

  /** `sending` rows whose sender no longer holds its lock: it died, or lost its database connection, mid-delivery. */
  private async markInterrupted(cutoff: Date): Promise<void> {
    const marked = await this.records.markInterrupted(cutoff);
    if (marked) this.logger.warn({ count: marked }, 'Emails interrupted mid-delivery marked uncertain');
  }
}

@Processor(OUTBOX_SWEEP_QUEUE)
export class OutboxSweepProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxSweepProcessor.name);

  constructor(
    private readonly sweeper: OutboxSweeper,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<number> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.sweeper.sweep());
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'Outbox sweep worker error');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
