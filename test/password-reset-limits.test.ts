import { Redis } from 'ioredis';
import { appKey } from '../src/redis/redis-keys';
import { In } from 'typeorm';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { startWebApp, TestApp } from './support/app';
import { createTrainee } from './support/factories';
import { csrfToken } from './support/http';

const LOOPBACK = ['::ffff:127.0.0.1', '127.0.0.1', '::1'];

describe('password-reset requests are limited', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await startWebApp();
    redis = new Redis(process.env.REDIS_URL!, { keyPrefix: appKey(process.env.REDIS_PREFIX!, '') });
  });
  beforeEach(async () => {
    for (const ip of LOOPBACK) await redis.del(`reset:address:${ip}`);
  });
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });

  async function requestReset(email: string) {
    const agent = t.agent();
    const token = await csrfToken(agent, '/password-reset');
    const res = await agent.post('/password-reset').type('form').send({ _csrf: token, email });
    return { status: res.status, heading: /<h1>([^<]*)<\/h1>/.exec(res.text)?.[1] };
  }

  const resetEmails = (userIds: string[]) =>
    t.dataSource.getRepository(OutboxMessage).countBy({ recipientId: In(userIds), template: 'password-reset' });

  it('mails at most 3 links for ten requests for one email, answering all ten the same', async () => {
    const user = await createTrainee(t.dataSource);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await requestReset(i % 2 ? user.email.toUpperCase() : user.email));
    expect(await resetEmails([user.id])).toBe(3);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 200, heading: expect.any(String) });
  });

  it('mails at most 10 links from one address, whatever the emails, even when asked at once', async () => {
    const users = await Promise.all(Array.from({ length: 15 }, () => createTrainee(t.dataSource)));
    const answers = await Promise.all(users.map((u) => requestReset(u.email)));
    expect(await resetEmails(users.map((u) => u.id))).toBe(10);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });
});
