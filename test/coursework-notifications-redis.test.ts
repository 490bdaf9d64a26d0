import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AssignmentRemindersService } from '../src/assignments/assignment-reminders.service';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxSweeper } from '../src/notifications/outbox-sweeper';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createTrainee } from './support/factories';
import { createAssignment } from './support/grading-factories';
import { startPrivateRedis, PrivateRedis } from './support/redis-server';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';
import { startSmtp, TestSmtp } from './support/smtp';

/** Redis may lose everything in the middle of a reminder run; PostgreSQL's outbox must still get every reminder out, once. */
describe('coursework reminders when Redis loses its data', () => {
  let redis: PrivateRedis;
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  const saved = { REDIS_URL: process.env.REDIS_URL };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    smtp = await startSmtp();
    Object.assign(process.env, { REDIS_URL: redis.url, SMTP_URL: smtp.url, OUTBOX_SWEEP_SECONDS: '1' });
    t = await startWebApp();
    worker = await startWorker();
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

  it('delivers every reminder exactly once after Redis was flushed during the run', async () => {
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), { capacity: 100 });
    const trainees = await Promise.all(Array.from({ length: 40 }, () => createTrainee(t.dataSource)));
    for (const trainee of trainees) await enrol(t.dataSource, cohort, trainee);
    const dueAt = new Date(Date.now() + 24 * 3_600_000 - 60_000);
    const assignment = await createAssignment(
      t.dataSource,
      { cohort },
      { title: 'Komunikācijas plāns', dueAt, reminderOffsetsHours: [24] },
    );

    const reminders = worker.get(AssignmentRemindersService);
    const flusher = new Redis(redis.url);
    try {
      const [result] = await Promise.all([reminders.scan(new Date()), flusher.flushall()]);
      expect(result.reminders).toBe(40);
      await flusher.flushall();
    } finally {
      flusher.disconnect();
    }
    const rows = () => t.dataSource.getRepository(OutboxMessage).find({ where: { template: 'assignment-reminder' } });
    const ours = async () => (await rows()).filter((row) => row.dedupKey.startsWith(`assignment-reminder:${assignment.id}:`));
    expect(await ours()).toHaveLength(40);

    await worker.get(OutboxSweeper).sweep(0);
    await eventually(async () => (await ours()).every((row) => row.status === 'sent'), 20000, 'every reminder to be sent');

    // A second run and more sweeps add nothing and send nothing again.
    expect((await reminders.scan(new Date())).reminders).toBe(0);
    await worker.get(OutboxSweeper).sweep(0);
    await new Promise((r) => setTimeout(r, 1500));
    const sent = await ours();
    expect(sent).toHaveLength(40);
    for (const row of sent) expect(smtp.messages.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
    const recipients = sent.map((row) => row.recipientId).sort();
    expect(recipients).toEqual(trainees.map((u) => u.id).sort());
  }, 60_000);
});
