import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { CleanupResult, OrphanFileCleaner } from './orphan-file-cleaner';

export const STORAGE_CLEANUP_QUEUE = 'storage-cleanup';
export const STORAGE_CLEANUP_SCHEDULER = 'orphan-files';
/** Every night at 03:30 Riga time, when nobody uploads. */
const PATTERN = '30 3 * * *';
const CHECK_EVERY_MS = 3_600_000;

/** Keeps the nightly orphan-file job scheduled, also after Redis lost its data. */
@Injectable()
export class StorageCleanupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StorageCleanupScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectQueue(STORAGE_CLEANUP_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureScheduled();
    this.timer = setInterval(() => {
      this.ensureScheduled().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not check the storage cleanup schedule'));
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async ensureScheduled(): Promise<void> {
    if (await this.queue.getJobScheduler(STORAGE_CLEANUP_SCHEDULER)) return;
    await this.queue.upsertJobScheduler(
      STORAGE_CLEANUP_SCHEDULER,
      { pattern: PATTERN, tz: 'Europe/Riga' },
      { name: 'remove-orphans', opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
    this.logger.log({ pattern: PATTERN }, 'Orphan file cleanup scheduled');
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
