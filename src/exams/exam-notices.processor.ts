import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule, repeatEvery } from '../common/kept-job-scheduler';
import { AppConfig } from '../config/app-config';
import { ExamNoticesService } from './exam-notices.service';

export const EXAM_NOTICES_QUEUE = 'exam-notices';
const SCHEDULER_ID = 'exam-notices-scan';

/** Keeps the exam notice scan scheduled every REMINDER_SCAN_MINUTES, also after Redis lost its data. */
@Injectable()
export class ExamNoticesScheduler extends KeptJobScheduler {
  constructor(
    @InjectQueue(EXAM_NOTICES_QUEUE) queue: Queue,
    private readonly config: AppConfig,
  ) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return repeatEvery(SCHEDULER_ID, 'scan', this.config.env.REMINDER_SCAN_MINUTES * 60_000);
  }
}

/** Runs one scan; running it twice creates nothing new. */
@Processor(EXAM_NOTICES_QUEUE)
export class ExamNoticesProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ExamNoticesProcessor.name);

  constructor(
    private readonly notices: ExamNoticesService,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<{ created: number }> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.notices.scan(new Date()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
