import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DomainError } from '../common/errors';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule, repeatEvery } from '../common/kept-job-scheduler';
import { ReportExportCleanup, type CleanupOutcome } from './report-export-cleanup.service';
import { ReportExportRunner, type ExportOutcome } from './report-export-runner.service';
import { REPORT_EXPORT_CLEANUP_QUEUE, REPORT_EXPORT_QUEUE, type ReportExportJob } from './report-exports.constants';

/** Makes background exports, one job per export (job id = export id). */
@Processor(REPORT_EXPORT_QUEUE)
export class ReportExportProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportExportProcessor.name);

  constructor(
    private readonly runner: ReportExportRunner,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job<ReportExportJob>): Promise<ExportOutcome | 'failed'> {
    const { exportId } = job.data;
    return runLoggedJob(this.pino, this.logger, job, { exportId }, async () => {
      try {
        return await this.runner.run(exportId);
      } catch (error) {
        // A refusal (the report is gone, or no longer the asker's to read) will not change on a retry.
        const last = error instanceof DomainError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (!last) throw error;
        await this.runner.failed(exportId, error instanceof DomainError ? error.code : error);
        return 'failed';
      }
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}

const CLEANUP_SCHEDULER = 'report-export-cleanup';
/** Every ten minutes: expired files go within ten minutes of their time, stalled exports are queued again. */
const CLEANUP_EVERY_MS = 10 * 60_000;

@Injectable()
export class ReportExportCleanupScheduler extends KeptJobScheduler {
  constructor(@InjectQueue(REPORT_EXPORT_CLEANUP_QUEUE) queue: Queue) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return repeatEvery(CLEANUP_SCHEDULER, 'clean-up', CLEANUP_EVERY_MS);
  }
}

/** Removes expired exports with their files and queues again exports whose job was lost; harmless to run twice. */
@Processor(REPORT_EXPORT_CLEANUP_QUEUE)
export class ReportExportCleanupProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportExportCleanupProcessor.name);

  constructor(
    private readonly cleanup: ReportExportCleanup,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<CleanupOutcome> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.cleanup.run());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
