import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, type KeptSchedule, repeatEvery } from '../common/kept-job-scheduler';
import { AppConfig } from '../config/app-config';
import { AssignmentRemindersService, AssignmentScanResult } from './assignment-reminders.service';

export const ASSIGNMENT_REMINDERS_QUEUE = 'coursework-reminders';
export const ASSIGNMENT_REMINDERS_SCHEDULER = 'coursework-reminders-scan';

/** Keeps the coursework scan scheduled every REMINDER_SCAN_MINUTES, also after Redis lost its data. */
@Injectable()
export class AssignmentRemindersScheduler extends KeptJobScheduler {
  constructor(
    @InjectQueue(ASSIGNMENT_REMINDERS_QUEUE) queue: Queue,
    private readonly config: AppConfig,
  ) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return repeatEvery(ASSIGNMENT_REMINDERS_SCHEDULER, 'scan', this.config.env.REMINDER_SCAN_MINUTES * 60_000);
  }
}

/** Runs one scan at the job's own time; running it twice creates nothing new. */
@Processor(ASSIGNMENT_REMINDERS_QUEUE)
export class AssignmentRemindersProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AssignmentRemindersProcessor.name);

  constructor(
    private readonly reminders: AssignmentRemindersService,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<AssignmentScanResult> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.reminders.scan(new Date()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
