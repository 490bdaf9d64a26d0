import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { AppConfig } from '../config/app-config';
import { CourseworkRemindersService, CourseworkScanResult } from './coursework-reminders.service';

export const COURSEWORK_REMINDERS_QUEUE = 'coursework-reminders';
export const COURSEWORK_REMINDERS_SCHEDULER = 'coursework-reminders-scan';

/** Keeps the coursework scan scheduled every REMINDER_SCAN_MINUTES, also after Redis lost its data. */
@Injectable()
export class CourseworkRemindersScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CourseworkRemindersScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue(COURSEWORK_REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  private get everyMs(): number {
    return this.config.env.REMINDER_SCAN_MINUTES * 60_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureScheduled();
    this.timer = setInterval(() => {
      this.ensureScheduled().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not check the coursework scan schedule'));
    }, this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async ensureScheduled(): Promise<void> {
    const existing = await this.queue.getJobScheduler(COURSEWORK_REMINDERS_SCHEDULER);
    if (existing && Number(existing.every) === this.everyMs) return;
    await this.queue.upsertJobScheduler(COURSEWORK_REMINDERS_SCHEDULER, { every: this.everyMs }, { name: 'scan', opts: { removeOnComplete: true, removeOnFail: true } });
    this.logger.log({ everyMs: this.everyMs }, 'Coursework reminder scan scheduled');
  }
}

/** Runs one scan at the job's own time; running it twice creates nothing new. */
@Processor(COURSEWORK_REMINDERS_QUEUE)
export class CourseworkRemindersProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CourseworkRemindersProcessor.name);

  constructor(
    private readonly reminders: CourseworkRemindersService,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<CourseworkScanResult> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.reminders.scan(new Date()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
