import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { z } from 'zod';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule, repeatEvery } from '../common/kept-job-scheduler';
import { CertificateRunRecords } from './certificate-run-records.service';
import { CertificateRunner, type RunOutcome } from './certificate-runner.service';
import { CERTIFICATE_RUN_QUEUE, CERTIFICATE_RUN_SWEEP_QUEUE, type CertificateRunJob } from './certificate-runs.constants';
import { CertificateRunsService } from './certificate-runs.service';

const jobData = z.object({ runId: z.uuid() });

/** Runs certificate runs, one at a time per worker (drawing PDFs keeps a core busy); the job id is the run's. */
@Processor(CERTIFICATE_RUN_QUEUE)
export class CertificateRunProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CertificateRunProcessor.name);

  constructor(
    private readonly runner: CertificateRunner,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job<CertificateRunJob>): Promise<RunOutcome> {
    const parsed = jobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('Invalid certificate run job data');
    const { runId } = parsed.data;
    return runLoggedJob(this.pino, this.logger, job, { runId }, async () => {
      try {
        return await this.runner.run(runId);
      } catch (error) {
        if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
        await this.runner.failed(runId, error);
        return 'failed';
      }
    });
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'Certificate run worker error');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}

const SWEEP_SCHEDULER = 'certificate-run-sweep';
/** How soon a run whose worker stopped is taken up by another (a restarted worker takes it up as it starts). */
const SWEEP_EVERY_MS = 30_000;

/**
 * Takes up certificate runs whose worker stopped (their advisory lock is free while they are `running`) and queues
 * again runs still waiting, whose jobs may have been lost with Redis: every 30 seconds, and as the worker starts.
 */
@Injectable()
export class CertificateRunSweeper extends KeptJobScheduler {
  constructor(
    @InjectQueue(CERTIFICATE_RUN_SWEEP_QUEUE) queue: Queue,
    private readonly records: CertificateRunRecords,
    private readonly runs: CertificateRunsService,
  ) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return repeatEvery(SWEEP_SCHEDULER, 'sweep', SWEEP_EVERY_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    await this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not sweep certificate runs'));
  }

  async sweep(): Promise<{ resumed: number; queued: number }> {
    const resumed = await this.records.requeueInterrupted();
    if (resumed.length) this.logger.warn({ runIds: resumed.map((r) => r.id) }, 'Certificate runs whose worker stopped taken up again');
    const queued = await this.records.queued();
    if (queued.length) await this.runs.queueJobs(queued);
    return { resumed: resumed.length, queued: queued.length };
  }
}

@Processor(CERTIFICATE_RUN_SWEEP_QUEUE)
export class CertificateRunSweepProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CertificateRunSweepProcessor.name);

  constructor(
    private readonly sweeper: CertificateRunSweeper,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<{ resumed: number; queued: number }> {
    return runLoggedJob(this.pino, this.logger, job, {}, () => this.sweeper.sweep());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
