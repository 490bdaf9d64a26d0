import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EMAIL_QUEUE, OUTBOX_SWEEP_QUEUE } from '../src/notifications/notifications.constants';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxRecords } from '../src/notifications/outbox-records.service';
import { OutboxSweeper } from '../src/notifications/outbox-sweeper';
import { EmailRequest, OutboxService } from '../src/notifications/outbox.service';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createTrainee } from './support/factories';
import { startPrivateRedis, PrivateRedis } from './support/redis-server';
import { startSmtp, TestSmtp } from './support/smtp';

/** Redis may lose everything; the outbox in PostgreSQL must still get every email out, once. */
describe('the outbox sweeper', () => {
  let redis: PrivateRedis;
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  const saved = { REDIS_URL: process.env.REDIS_URL };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    smtp = await startSmtp();
    Object.assign(process.env, { REDIS_URL: redis.url, SMTP_URL: smtp.url, OUTBOX_SWEEP_SECONDS: '1' });
    t = await startWebApp();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
    await redis?.stop();
    process.env.REDIS_URL = saved.REDIS_URL;
    delete process.env.SMTP_URL;
    delete process.env.OUTBOX_SWEEP_SECONDS;
  });

  const rows = (ids: string[]) => Promise.all(ids.map((id) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id })));
  const emailQueue = () => t.app.get<Queue>(getQueueToken(EMAIL_QUEUE));

  async function requests(count: number, label: string): Promise<EmailRequest[]> {
    return Promise.all(
      Array.from({ length: count }, async (_v, i) => {
        const trainee = await createTrainee(t.dataSource);
        return {
          to: { email: trainee.email, id: trainee.id, language: 'lv' as const },
          template: 'notice',
          category: 'update' as const,
          data: { title: `Grafika izmaiņas Nr. ${i + 1}`, name: trainee.name, lines: ['Nodarbība pārcelta uz ceturtdienu.'] },
          dedupKey: `test-sweep:${label}:${trainee.id}`,
        };
      }),
    );
  }

  it('sends every email exactly once after Redis lost its queue while no worker ran', async () => {
    const outbox = t.app.get(OutboxService);
    const sent = await Promise.all((await requests(4, 'lost')).map((request) => outbox.send(request)));
    const ids = sent.map((m) => m!.id);
    expect(await emailQueue().getWaitingCount()).toBe(4);

    await redis.stop();
    await redis.start();
    await eventually(
      async () =>
        (
          await emailQueue()
            .getJobCounts('waiting', 'active', 'delayed')
            .catch(() => null)
        )?.waiting === 0,
      10000,
      'the web app to reconnect',
    );

    // Nothing is left in Redis: only a sweep can queue them again. The worker's own scheduled sweep (every second
    // here) may already have taken some by the time this one runs, so the count is not the point; the sends are.
    worker = await startWorker();
    await worker.get(OutboxSweeper).sweep(0);

    await eventually(async () => (await rows(ids)).every((row) => row.status === 'sent'), 15000, 'every email to be sent');
    // Further sweeps find nothing left to send.
    await worker.get(OutboxSweeper).sweep(0);
    await new Promise((r) => setTimeout(r, 1500));
    const messageIds = (await rows(ids)).map((row) => row.messageId);
    for (const messageId of messageIds) expect(smtp.messages.filter((m) => m.messageId === messageId)).toHaveLength(1);
  });

  it('schedules itself again after Redis was flushed, and picks up emails that never reached the queue', async () => {
    worker ??= await startWorker();
    const flusher = new Redis(redis.url);
    await flusher.flushall();
    flusher.disconnect();
    const sweepQueue = t.app.get<Queue>(getQueueToken(OUTBOX_SWEEP_QUEUE));
    expect(await sweepQueue.getJobScheduler('outbox-sweep')).toBeFalsy();
    await eventually(() => sweepQueue.getJobScheduler('outbox-sweep'), 10000, 'the sweep to be scheduled again');

    // Written to the outbox, but the dispatch after the commit never happened (the process died, say).
    const [request] = await requests(1, 'undispatched');
    const message = await t.app.get(OutboxService).enqueue(t.dataSource.manager, request);
    const [row] = await eventually(
      async () => {
        const found = await rows([message!.id]);
        return found[0].status === 'sent' && found;
      },
      15000,
      'the scheduled sweep to send the email',
    );
    expect(smtp.messages.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
  });

  it('leaves an email that failed to its backoff, and queues it again once the backoff is over', async () => {
    // No worker: nothing sends it or sweeps meanwhile.
    await worker?.close();
    worker = undefined;
    const [request] = await requests(1, 'backoff');
    const message = (await t.app.get(OutboxService).enqueue(t.dataSource.manager, request))!;
    const records = t.app.get(OutboxRecords);
    const backoffMs = 60_000;
    const sweepable = async () => (await records.sweepable(new Date(), backoffMs, null, 100_000)).includes(message.id);
    // Its third attempt failed 3 minutes ago: BullMQ waits 4 minutes before the fourth.
    const failedAgo = (ms: number) =>
      t.dataSource.query(
        `UPDATE outbox_messages SET status = 'pending', attempts = 3, last_error = '451', updated_at = now() - $2 * interval '1 millisecond' WHERE id = $1`,
        [message.id, ms],
      );
    await failedAgo(3 * 60_000);
    expect(await sweepable()).toBe(false);
    await failedAgo(5 * 60_000);
    expect(await sweepable()).toBe(true);
  });
});
