import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, type KeptSchedule } from '../common/kept-job-scheduler';
import { AppConfig } from '../config/app-config';
import { CourseworkRemindersService, CourseworkScanResult } from './coursework-reminders.service';

export const COURSEWORK_REMINDERS_QUEUE = 'coursework-reminders';
export const COURSEWORK_REMINDERS_SCHEDULER = 'coursework-reminders-scan';

/** Keeps the coursework scan scheduled every REMINDER_SCAN_MINUTES, also after Redis lost its data. */
@Injectable()
export class CourseworkRemindersScheduler extends KeptJobScheduler {
  constructor(
    @InjectQueue(COURSEWORK_REMINDERS_QUEUE) queue: Queue,
    private readonly config: AppConfig,
  ) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    const everyMs = this.config.env.REMINDER_SCAN_MINUTES * 60_000;
    return { id: COURSEWORK_REMINDERS_SCHEDULER, repeat: { every: everyMs }, jobName: 'scan', jobOptions: { removeOnComplete: true, removeOnFail: true }, checkEveryMs: everyMs };
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
