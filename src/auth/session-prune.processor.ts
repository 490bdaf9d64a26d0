import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule, repeatEvery } from '../common/kept-job-scheduler';

export const SESSION_PRUNE_QUEUE = 'session-prune';
const SCHEDULER_ID = 'expired-sessions';
const EVERY_MS = 15 * 60_000;

/**
 * Keeps the removal of expired sessions scheduled: one job per quarter hour for the whole installation, however
 * many workers run (an expired session is refused when read whether or not its row is gone yet).
 */
@Injectable()
export class SessionPruneScheduler extends KeptJobScheduler {
  constructor(@InjectQueue(SESSION_PRUNE_QUEUE) queue: Queue) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return repeatEvery(SCHEDULER_ID, 'prune', EVERY_MS);
  }
}

/** Deletes the rows of sessions past their expiry; running it twice deletes nothing the second time. */
@Processor(SESSION_PRUNE_QUEUE)
export class SessionPruneProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SessionPruneProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<{ removed: number }> {
    return runLoggedJob(this.pino, this.logger, job, {}, async () => {
      const [, removed] = (await this.dataSource.query(`DELETE FROM user_sessions WHERE expire < now()`)) as [unknown, number];
      return { removed };
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
