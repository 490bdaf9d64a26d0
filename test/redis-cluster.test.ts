import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { EMAIL_QUEUE, OUTBOX_SWEEP_QUEUE } from '../src/notifications/notifications.constants';
import { checkRedis } from '../src/redis/check-redis';
import { bullPrefix, appKey } from '../src/redis/redis-keys';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createAdmin, createApiToken, createTrainee } from './support/factories';
import { csrfToken } from './support/http';
import { startPrivateRedisCluster, type PrivateRedisCluster } from './support/redis-cluster';
import { createCohort, createPart, createProgramme } from './support/schedule-factories';
import { startSmtp, type TestSmtp } from './support/smtp';

/** The platform on a Redis Cluster of three masters: queues, job schedulers, rate limits and health. */
describe('on a Redis Cluster', () => {
  let cluster: PrivateRedisCluster;
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  const saved = { REDIS_URL: process.env.REDIS_URL };
  const prefix = process.env.REDIS_PREFIX!;

  beforeAll(async () => {
    cluster = await startPrivateRedisCluster(3);
    smtp = await startSmtp();
    Object.assign(process.env, { REDIS_URL: cluster.url, SMTP_URL: smtp.url, LOGIN_MAX_PER_ACCOUNT: '3' });
    t = await startWebApp();
    worker = await startWorker();
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
    await cluster?.stop();
    process.env.REDIS_URL = saved.REDIS_URL;
    delete process.env.SMTP_URL;
    delete process.env.LOGIN_MAX_PER_ACCOUNT;
  });

  it('passes the start-up check and reports ready', async () => {
    await expect(checkRedis(cluster.url)).resolves.toBeUndefined();
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.checks.redis).toEqual({ status: 'up' });
  });

  it('delivers the email of an enrolment made through the API, once', async () => {
    const admin = await createAdmin(t.dataSource);
    const { secret } = await createApiToken(t.dataSource, admin);
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource));
    const cohort = await createCohort(t.dataSource, part, { capacity: 5 });
    const trainee = await createTrainee(t.dataSource, { name: 'Klāvs Klasteris' });
    await t
      .http()
      .post(`/api/v1/cohorts/${cohort.id}/enrolments`)
      .set('Authorization', `Bearer ${secret}`)
      .send({ userId: trainee.id })
      .expect(201);
    const row = await eventually(
      () => t.dataSource.getRepository(OutboxMessage).findOneBy({ recipientId: trainee.id, status: 'sent' }),
      20_000,
      'the enrolment email to be sent',
    );
    expect(smtp.messages.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
  });

  it('keeps the job schedulers in the queues, under the one hash-tagged prefix', async () => {
    const sweep = worker.get<Queue>(getQueueToken(OUTBOX_SWEEP_QUEUE));
    expect(await sweep.getJobScheduler('outbox-sweep')).toBeTruthy();
    const keys = await cluster.keys(`*${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    // Every key of the platform is under one of its two hash tags, so every script finds its keys on one node.
    const stray = keys.filter((key) => !key.startsWith(`${bullPrefix(prefix)}:`) && !key.startsWith(appKey(prefix, '')));
    expect(stray).toEqual([]);
    expect(keys.some((key) => key.startsWith(`${bullPrefix(prefix)}:${EMAIL_QUEUE}:`))).toBe(true);
  });

  it('counts failed logins for an account across the cluster and refuses the fourth', async () => {
    const trainee = await createTrainee(t.dataSource);
    const agent = t.agent();
    const token = await csrfToken(agent);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: token, email: trainee.email, password: `wrong-${i}-password` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);
    const keys = await cluster.keys(`${appKey(prefix, 'login:')}*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
  });

  it('reports the queues of the web process as reachable', async () => {
    const queue = t.app.get<Queue>(getQueueToken(EMAIL_QUEUE));
    await expect(queue.getJobCounts('waiting', 'active')).resolves.toEqual(expect.objectContaining({ waiting: expect.any(Number) }));
  });
});
