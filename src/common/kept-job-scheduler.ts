import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';

export interface KeptSchedule {
  /** The job scheduler's id in its queue. */
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  jobName: string;
  jobOptions?: JobSchedulerTemplateOptions;
  /** How often each worker checks that the scheduler still exists. */
  checkEveryMs: number;
}

/**
 * A job repeated every `everyMs`, checked as often as it runs, leaving nothing behind in Redis: the shape of the
 * platform's scans and sweeps.
 */
export function repeatEvery(id: string, jobName: string, everyMs: number): KeptSchedule {
  return { id, repeat: { every: everyMs }, jobName, jobOptions: { removeOnComplete: true, removeOnFail: true }, checkEveryMs: everyMs };
}

/**
 * Keeps a BullMQ job scheduler in place. Redis losing its data loses the scheduler too, so every worker
 * puts it back on a timer of its own; upserting the same id is harmless when several workers do it.
 */
export abstract class KeptJobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;

  protected constructor(protected readonly queue: Queue) {
    this.logger = new Logger(new.target.name);
  }

  protected abstract schedule(): KeptSchedule;

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureScheduled();
    this.timer = setInterval(() => {
      this.ensureScheduled().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not check the job schedule'));
    }, this.schedule().checkEveryMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Creates the scheduler when it is missing or its timing changed. */
  async ensureScheduled(): Promise<void> {
    const { id, repeat, jobName, jobOptions } = this.schedule();
    const existing = await this.queue.getJobScheduler(id);
    if (existing && Number(existing.every ?? 0) === Number(repeat.every ?? 0) && (existing.pattern ?? null) === (repeat.pattern ?? null))
      return;
    await this.queue.upsertJobScheduler(id, repeat, { name: jobName, opts: jobOptions });
    this.logger.log({ schedulerId: id, every: repeat.every, pattern: repeat.pattern }, 'Job scheduled');
  }
}
