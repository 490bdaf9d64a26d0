import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from '../common/job-logging';
import { KeptJobScheduler, KeptSchedule } from '../common/kept-job-scheduler';
import { AttendanceDigest } from './attendance-digest';

export const ATTENDANCE_DIGEST_QUEUE = 'attendance-digest';
const SCHEDULER_ID = 'attendance-digest-scan';
/** Hourly, so a worker that was down at the digest hour still sends it that day; the key keeps it to one. */
const EVERY_MS = 3_600_000;

/** Keeps the digest scan scheduled, also after Redis lost its data. */
@Injectable()
export class AttendanceDigestScheduler extends KeptJobScheduler {
  constructor(@InjectQueue(ATTENDANCE_DIGEST_QUEUE) queue: Queue) {
    super(queue);
  }

  protected schedule(): KeptSchedule {
    return {
      id: SCHEDULER_ID,
      repeat: { every: EVERY_MS },
      jobName: 'scan',
      jobOptions: { removeOnComplete: true, removeOnFail: 50 },
      checkEveryMs: EVERY_MS,
    };
  }
}

/** Writes the day's digests at the job's own time; running it again the same day writes nothing. */
@Processor(ATTENDANCE_DIGEST_QUEUE)
export class AttendanceDigestProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AttendanceDigestProcessor.name);

  constructor(
    private readonly digest: AttendanceDigest,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<{ digests: number }> {
    return runLoggedJob(this.pino, this.logger, job, {}, async () => ({ digests: await this.digest.send(new Date()) }));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
