import type { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';

/**
 * Runs a job's work so that every log line written meanwhile (Nest's Logger or pino) carries the queue and
 * job id, and logs the job's start, its end and how long it took.
 */
export function runLoggedJob<T>(
  pino: PinoLogger,
  logger: Logger,
  job: Job,
  ids: Record<string, unknown>,
  work: () => Promise<T>,
): Promise<T> {
  const bindings = { queue: job.queueName, jobId: job.id, jobName: job.name };
  return pino.runInContext(
    async () => {
      const started = performance.now();
      const attempt = job.attemptsMade + 1;
      logger.log({ ...ids, attempt }, 'Job started');
      try {
        const result = await work();
        logger.log({ ...ids, attempt, result, durationMs: Math.round(performance.now() - started) }, 'Job finished');
        return result;
      } catch (error) {
        logger.warn({ ...ids, attempt, err: error, durationMs: Math.round(performance.now() - started) }, 'Job failed');
        throw error;
      }
    },
    { bindings },
  );
}
