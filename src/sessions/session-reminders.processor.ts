import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule, repeatEvery } from '../common/kept-job-scheduler';
import { AppConfig } from '../config/app-config';
import { ScanResult, SessionRemindersService } from './session-reminders.service';

export const SESSION_REMINDERS_QUEUE = 'session-reminders';
const SCHEDULER_ID = 'session-reminders-scan';

/** Keeps the reminder scan scheduled every REMINDER_SCAN_MINUTES, also after Redis lost its data. */
@Injectable()
export class SessionRemindersScheduler extends KeptJobScheduler {
  constructor(
    @InjectQueue(SESSION_REMINDERS_QUEUE) queue: Queue,
    private readonly config: AppConfig,
  ) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return repeatEvery(SCHEDULER_ID, 'scan', this.config.env.REMINDER_SCAN_MINUTES * 60_000);
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
