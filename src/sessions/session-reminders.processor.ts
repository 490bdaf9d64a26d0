import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { AppConfig } from '../config/app-config';
import { ScanResult, SessionRemindersService } from './session-reminders.service';

export const SESSION_REMINDERS_QUEUE = 'session-reminders';
const SCHEDULER_ID = 'session-reminders-scan';

/** Keeps the reminder scan scheduled every REMINDER_SCAN_MINUTES, also after Redis lost its data. */
@Injectable()
export class SessionRemindersScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRemindersScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue(SESSION_REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  private get everyMs(): number {
    return this.config.env.REMINDER_SCAN_MINUTES * 60_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureScheduled();
    this.timer = setInterval(() => {
      this.ensureScheduled().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not check the reminder scan schedule'));
    }, this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async ensureScheduled(): Promise<void> {
    const existing = await this.queue.getJobScheduler(SCHEDULER_ID);
    if (existing && Number(existing.every) === this.everyMs) return;
    await this.queue.upsertJobScheduler(SCHEDULER_ID, { every: this.everyMs }, { name: 'scan', opts: { removeOnComplete: true, removeOnFail: true } });
    this.logger.log({ everyMs: this.everyMs }, 'Session reminder scan scheduled');
  }
}

/** Runs one scan at the job's own time; running it twice creates nothing new. */
@Processor(SESSION_REMINDERS_QUEUE)
export class SessionRemindersProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SessionRemindersProcessor.name);

  constructor(
    private readonly reminders: SessionRemindersService,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<ScanResult> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.reminders.scan(new Date()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
