import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule, repeatEvery } from '../common/kept-job-scheduler';
import { AppConfig } from '../config/app-config';
import { AttemptSubmission } from './attempt-submission.service';
import { ExamRecords } from './exam-records.service';
import { EXAM_DEADLINE_QUEUE, EXAM_SWEEP_QUEUE, type ExamDeadlineJob } from './exams.constants';

const SCHEDULER_ID = 'exam-deadline-sweep';
const BATCH = 200;
/** Timed submissions run side by side per worker process; each holds one database connection while it runs. */
const DEADLINE_CONCURRENCY = 8;

/**
 * Submits one attempt at its deadline (plus grace). Running it again, or after the trainee handed in, does nothing.
 * Several at once: an exam's attempts often share one deadline, and each submission is its own short transaction.
 */
@Processor(EXAM_DEADLINE_QUEUE, { concurrency: DEADLINE_CONCURRENCY })
export class ExamDeadlineProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ExamDeadlineProcessor.name);

  constructor(
    private readonly submission: AttemptSubmission,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job<ExamDeadlineJob>): Promise<boolean> {
    const attemptId = String(job.data?.attemptId ?? '');
    return runLoggedJob(this.pino, this.logger, job, { attemptId }, () => this.submission.submit(attemptId, 'deadline'));
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'Exam deadline worker error');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}

/**
 * Submits every attempt whose deadline and grace have passed: the timed job's safety net when Redis lost it
 * (or a worker was down at the time). The conditional UPDATE of the submission keeps it to once.
 */
@Injectable()
export class ExamDeadlineSweeper extends KeptJobScheduler {
  constructor(
    @InjectQueue(EXAM_SWEEP_QUEUE) queue: Queue,
    private readonly records: ExamRecords,
    private readonly submission: AttemptSubmission,
    private readonly config: AppConfig,
  ) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return repeatEvery(SCHEDULER_ID, 'sweep', this.config.env.EXAM_SWEEP_SECONDS * 1000);
  }

  /** Returns how many attempts this sweep submitted. */
  async sweep(now = new Date()): Promise<number> {
    let count = 0;
    for (;;) {
      const ids = await this.records.dueAttemptIds(new Date(now.getTime() - this.submission.graceMs), BATCH);
      let submitted = 0;
      for (const id of ids) if (await this.submission.submit(id, 'deadline')) submitted++;
      count += submitted;
      if (ids.length < BATCH || submitted === 0) break;
    }
    if (count) this.logger.log({ count }, 'Overdue exam attempts submitted');
    return count;
  }
}

@Processor(EXAM_SWEEP_QUEUE)
export class ExamDeadlineSweepProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ExamDeadlineSweepProcessor.name);

  constructor(
    private readonly sweeper: ExamDeadlineSweeper,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<number> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.sweeper.sweep());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
