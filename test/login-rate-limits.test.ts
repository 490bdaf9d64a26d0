import argon2 from 'argon2';
import { Redis } from 'ioredis';
import { appKey } from '../src/redis/redis-keys';
import { startWebApp, TestApp } from './support/app';
import { createTrainee } from './support/factories';
import { csrfToken } from './support/http';

const LOOPBACK = ['::ffff:127.0.0.1', '127.0.0.1', '::1'];

describe('login rate limits under parallel attempts', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await startWebApp();
    redis = new Redis(process.env.REDIS_URL!, { keyPrefix: appKey(process.env.REDIS_PREFIX!, '') });
  });
  beforeEach(async () => {
    for (const ip of LOOPBACK) await redis.del(`login:address:${ip}`);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    redis.disconnect();
    await t.close();
  });

  async function burst(emails: string[]) {
    const verify = jest.spyOn(argon2, 'verify');
    const agent = t.agent();
    const token = await csrfToken(agent);
    const responses = await Promise.all(
      emails.map((email, i) =>
        agent
          .post('/login')
          .type('form')
          .send({ _csrf: token, email, password: `wrong-${i}-password` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    return {
      checked: verify.mock.calls.length,
      refused: statuses.filter((s) => s === 429).length,
      wrong: statuses.filter((s) => s === 422).length,
    };
  }

  it('checks at most 5 of 30 wrong passwords sent at once to one account and refuses the rest with 429', async () => {
    const user = await createTrainee(t.dataSource);
    const result = await burst(Array.from({ length: 30 }, () => user.email));
    expect(result.checked).toBeLessThanOrEqual(5);
    expect(result.wrong).toBe(result.checked);
    expect(result.refused).toBe(30 - result.checked);
  }, 120_000);

  it('checks at most 20 of 60 logins sent at once to different accounts from one address', async () => {
    const result = await burst(Array.from({ length: 60 }, (_, i) => `nobody-${i}-${Date.now()}@example.lv`));
    expect(result.checked).toBeLessThanOrEqual(20);
    expect(result.checked).toBeGreaterThan(0);
    expect(result.wrong).toBe(result.checked);
    expect(result.refused).toBe(60 - result.checked);
  }, 120_000);
});
