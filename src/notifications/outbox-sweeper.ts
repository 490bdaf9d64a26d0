import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { Repository } from 'typeorm';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule } from '../common/kept-job-scheduler';
import { AppConfig } from '../config/app-config';
import { OUTBOX_SWEEP_QUEUE } from './notifications.constants';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

const SCHEDULER_ID = 'outbox-sweep';
const BATCH = 500;

/**
 * Puts back on the delivery queue every outbox row still pending: after Redis lost its data, after a worker
 * died, after a dispatch that failed. Jobs still in Redis are not duplicated, since a job id is its outbox id.
 */
@Injectable()
export class OutboxSweeper extends KeptJobScheduler {
  constructor(
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    @InjectQueue(OUTBOX_SWEEP_QUEUE) queue: Queue,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {
    super(queue);
  }

  private get everyMs(): number {
    return this.config.env.OUTBOX_SWEEP_SECONDS * 1000;
  }

  protected schedule(): KeptSchedule {
    const everyMs = this.everyMs;
    return { id: SCHEDULER_ID, repeat: { every: everyMs }, jobName: 'sweep', jobOptions: { removeOnComplete: true, removeOnFail: true }, checkEveryMs: everyMs };
  }

  /** Queues the rows pending and unchanged for `olderThanMs`; returns how many. */
  async sweep(olderThanMs = Math.min(5_000, this.everyMs)): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanMs);
    let count = 0;
    let after: string | undefined;
    for (;;) {
      const qb = this.messages
        .createQueryBuilder('m')
        .select('m.id')
        .where('m.status = :status', { status: 'pending' })
        .andWhere('m.updatedAt < :cutoff', { cutoff })
        .orderBy('m.id', 'ASC')
        .limit(BATCH);
      if (after) qb.andWhere('m.id > :after', { after });
      const ids = (await qb.getMany()).map((row) => row.id);
      if (!ids.length) break;
      await this.outbox.dispatch(ids);
      count += ids.length;
      after = ids[ids.length - 1];
      if (ids.length < BATCH) break;
    }
    return count;
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
