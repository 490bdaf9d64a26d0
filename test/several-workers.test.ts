import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { In } from 'typeorm';
import { queuesRegisteredUnder } from '../src/common/queue-dashboard';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxService } from '../src/notifications/outbox.service';
import { bullOptions } from '../src/redis/bull-connection';
import { WorkerModule } from '../src/worker.module';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createTrainee } from './support/factories';
import { saveOutboxRows } from './support/outbox-factories';
import { startSmtp, type TestSmtp } from './support/smtp';

/** Two worker processes on one Redis and one PostgreSQL: every scan is scheduled once, every email goes once. */
describe('several workers', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    Object.assign(process.env, { SMTP_URL: smtp.url, OUTBOX_SWEEP_SECONDS: '1', EXAM_SWEEP_SECONDS: '1' });
    t = await startWebApp();
    workers.push(await startWorker(), await startWorker());
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await t?.close();
    await smtp?.close();
    delete process.env.SMTP_URL;
    delete process.env.OUTBOX_SWEEP_SECONDS;
    delete process.env.EXAM_SWEEP_SECONDS;
  });

  it('keeps one job scheduler per scan, whichever worker put it there', async () => {
    const options = bullOptions({ REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! });
    const ids: string[] = [];
    for (const name of queuesRegisteredUnder(WorkerModule)) {
      const queue = new Queue(name, options);
      try {
        for (const scheduler of await queue.getJobSchedulers()) ids.push(scheduler.key);
      } finally {
        await queue.close();
      }
    }
    expect(ids.sort()).toEqual(
      [
        'attendance-digest-scan',
        'certificate-run-sweep',
        'coursework-reminders-scan',
        'exam-deadline-sweep',
        'exam-notices-scan',
        'expired-sessions',
        'orphan-files',
        'outbox-sweep',
        'report-export-cleanup',
        'session-reminders-scan',
      ].sort(),
    );
  });

  it('sends each of 30 emails once with both workers delivering and sweeping every second', async () => {
    const outbox = t.app.get(OutboxService);
    const label = randomUUID();
    const trainees = await Promise.all(Array.from({ length: 30 }, () => createTrainee(t.dataSource)));
    const rows = await Promise.all(
      trainees.map((trainee, i) =>
        outbox.send({
          to: { email: trainee.email, id: trainee.id, language: 'lv' },
          template: 'notice',
          category: 'update',
          data: { title: `Paziņojums ${i + 1}`, name: trainee.name, lines: ['Nodarbība pārcelta.'] },
          dedupKey: `several-workers:${label}:${trainee.id}`,
        }),
      ),
    );
    const ids = rows.map((row) => row!.id);
    const repo = t.dataSource.getRepository(OutboxMessage);
    await eventually(
      async () => (await repo.findBy({ id: In(ids) })).every((row) => row.status === 'sent'),
      30_000,
      'every email to be sent',
    );
    // Sweeps go on every second in both workers; none may send anything again.
    await new Promise((r) => setTimeout(r, 2500));
    const messageIds = (await repo.findBy({ id: In(ids) })).map((row) => row.messageId);
    for (const messageId of messageIds) expect(smtp.messages.filter((m) => m.messageId === messageId)).toHaveLength(1);
  });

  it('sends each of 150 emails once when they are queued again, grouped otherwise, while both workers deliver them', async () => {
    const repo = t.dataSource.getRepository(OutboxMessage);
    const rows = await saveOutboxRows(t.dataSource, 150);
    const ids = rows.map((row) => row.id);
    const outbox = t.app.get(OutboxService);
    // As a scan's commit, a sweep and a resend might: the same rows in jobs of other rows, and one by one.
    await outbox.requeue(ids);
    await outbox.requeue([...ids].reverse());
    await Promise.all(ids.filter((_id, i) => i % 7 === 0).map((id) => outbox.requeue([id])));

    await eventually(async () => (await repo.countBy({ id: In(ids), status: 'sent' })) === ids.length, 60_000, 'every email to be sent');
    await new Promise((r) => setTimeout(r, 2500));
    const batch = new Set(rows.map((row) => row.messageId));
    const arrived = smtp.messages.filter((m) => batch.has(m.messageId!));
    expect(arrived).toHaveLength(ids.length);
    expect(new Set(arrived.map((m) => m.messageId)).size).toBe(ids.length);
  });

  it('removes expired sessions in the worker, not in the web process', async () => {
    const sid = `expired-${randomUUID()}`;
    await t.dataSource.query(`INSERT INTO user_sessions (sid, sess, expire) VALUES ($1, '{}', now() - interval '1 minute')`, [sid]);
    // The schedule's first job runs when it is created; a later one every quarter hour. Run one by hand, as a tick.
    const queue = new Queue('session-prune', bullOptions({ REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: process.env.REDIS_PREFIX! }));
    try {
      await queue.add('prune', {}, { removeOnComplete: true });
      await eventually(
        async () => ((await t.dataSource.query(`SELECT 1 FROM user_sessions WHERE sid = $1`, [sid])) as unknown[]).length === 0,
        15_000,
        'the expired session to be removed',
      );
    } finally {
      await queue.close();
    }
  });
});
