import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { runLoggedJob } from './job-logging';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const pino = new PinoLogger({ pinoHttp: [{ level: 'info' }, sink] });
Logger.overrideLogger(new NestPinoLogger(pino, {}));

const job = { id: 'job-42', name: 'deliver', queueName: 'email-delivery', attemptsMade: 1 } as Job;

describe('runLoggedJob', () => {
  beforeEach(() => lines.splice(0));

  it("puts the job's id on every line logged while it runs, and logs its start and end", async () => {
    const result = await runLoggedJob(pino, new Logger('TestProcessor'), job, { outboxId: 'o-1' }, async () => {
      await new Promise((r) => setTimeout(r, 5));
      new Logger('SomeService').log({ step: 'inside' }, 'Working');
      return 'sent';
    });
    expect(result).toBe('sent');
    expect(lines.map((l) => l.msg)).toEqual(['Job started', 'Working', 'Job finished']);
    for (const line of lines) expect(line).toMatchObject({ jobId: 'job-42', queue: 'email-delivery', jobName: 'deliver' });
    expect(lines[0]).toMatchObject({ outboxId: 'o-1', attempt: 2 });
    expect(lines[2]).toMatchObject({ result: 'sent', durationMs: expect.any(Number) });
  });

  it('logs a failure with the error and passes it on', async () => {
    await expect(runLoggedJob(pino, new Logger('TestProcessor'), job, {}, () => Promise.reject(new Error('SMTP 451')))).rejects.toThrow(
      'SMTP 451',
    );
    expect(lines.at(-1)).toMatchObject({ msg: 'Job failed', jobId: 'job-42', err: expect.objectContaining({ message: 'SMTP 451' }) });
  });

  it('leaves no job id on lines logged after the job', async () => {
    await runLoggedJob(pino, new Logger('TestProcessor'), job, {}, async () => 1);
    new Logger('Later').log('Idle');
    expect(lines.at(-1)).not.toHaveProperty('jobId');
  });
});
