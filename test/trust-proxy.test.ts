import { Redis } from 'ioredis';
import { appKey } from '../src/redis/redis-keys';
import { startWebApp, TestApp } from './support/app';
import { createTrainee } from './support/factories';
import { csrfToken } from './support/http';

/** Behind a load balancer on this host (TRUST_PROXY=loopback): the client's address comes from X-Forwarded-For. */
describe('a web process behind a trusted proxy', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback';
    t = await startWebApp();
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    redis.disconnect();
    await t.close();
  });

  const failedLogin = async (forwardedFor: string) => {
    const trainee = await createTrainee(t.dataSource);
    const agent = t.agent();
    const token = await csrfToken(agent);
    return agent
      .post('/login')
      .set('X-Forwarded-For', forwardedFor)
      .type('form')
      .send({ _csrf: token, email: trainee.email, password: 'not-the-password' });
  };
  const countOf = async (address: string) => Number(await redis.get(appKey(process.env.REDIS_PREFIX!, `login:address:${address}`)));

  it('counts a failed login against the address the proxy saw', async () => {
    await failedLogin('203.0.113.7');
    expect(await countOf('203.0.113.7')).toBe(1);
  });

  it('believes only the hop the trusted proxy added, not what the client wrote before it', async () => {
    // A client sends "X-Forwarded-For: 198.51.100.1"; the proxy appends the address it saw.
    await failedLogin('198.51.100.1, 203.0.113.8');
    expect(await countOf('203.0.113.8')).toBe(1);
    expect(await countOf('198.51.100.1')).toBe(0);
  });
});
