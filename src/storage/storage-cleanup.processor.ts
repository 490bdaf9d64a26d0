import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule } from '../common/kept-job-scheduler';
import { CleanupResult, OrphanFileCleaner } from './orphan-file-cleaner';

export const STORAGE_CLEANUP_QUEUE = 'storage-cleanup';
export const STORAGE_CLEANUP_SCHEDULER = 'orphan-files';
/** Every night at 03:30 Riga time, when nobody uploads. */
const PATTERN = '30 3 * * *';
const CHECK_EVERY_MS = 3_600_000;

/** Keeps the nightly orphan-file job scheduled, also after Redis lost its data. */
@Injectable()
export class StorageCleanupScheduler extends KeptJobScheduler {
  constructor(@InjectQueue(STORAGE_CLEANUP_QUEUE) queue: Queue) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return {
      id: STORAGE_CLEANUP_SCHEDULER,
      repeat: { pattern: PATTERN, tz: 'Europe/Riga' },
      jobName: 'remove-orphans',
      jobOptions: { removeOnComplete: 10, removeOnFail: 50 },
      checkEveryMs: CHECK_EVERY_MS,
    };
  }
}

/** Runs the orphan-file cleanup; running it twice removes nothing more the second time. */
@Processor(STORAGE_CLEANUP_QUEUE)
export class StorageCleanupProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(StorageCleanupProcessor.name);

  constructor(
    private readonly cleaner: OrphanFileCleaner,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<CleanupResult> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.cleaner.removeOrphans());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
