import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createTrainee, TEST_PASSWORD } from './support/factories';
import { csrfToken, logIn } from './support/http';
import { startPrivateRedis, PrivateRedis } from './support/redis-server';
import { startTcpProxy, TcpProxy } from './support/tcp-proxy';

/** Starts a web app with some settings of its own, restoring the process environment afterwards. */
async function startWebAppWith(env: Record<string, string>): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startWebApp();
  } finally {
    Object.assign(process.env, saved);
  }
}

describe('while Redis is down', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    t = await startWebAppWith({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await redis.start();
    await t.close();
    await redis.stop();
  });

  it('answers a login with 503, a clear page and Retry-After, not 500', async () => {
    const user = await createTrainee(t.dataSource);
    const agent = t.agent();
    const token = await csrfToken(agent);
    await redis.stop();
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.text).toContain('<h1>Pakalpojums nav pieejams</h1>');
    expect(res.text).toContain('Pakalpojums uz brīdi nav pieejams, un nekas netika saglabāts.');

    await redis.start();
    const again = await agent.post('/login').type('form').send({ _csrf: token, email: user.email, password: TEST_PASSWORD });
    expect(again.status).toBe(303);
  });
});

describe('while PostgreSQL is down', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  beforeAll(async () => {
    const database = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy(Number(database.port || 5432), database.hostname);
    database.port = String(proxy.port);
    t = await startWebAppWith({ DATABASE_URL: database.toString() });
  });
  afterAll(async () => {
    await proxy.start();
    await t.close();
    await proxy.stop();
  });

  it('answers API calls and pages with 503, a clear message and Retry-After, and serves again once it is back', async () => {
    const admin = await createAdmin(t.dataSource, { language: 'en' });
    const { secret } = await createApiToken(t.dataSource, admin);
    const agent = await logIn(t.agent(), admin.email);
    await proxy.stop();

    const byToken = await t.http().get('/api/v1/programmes').set('Authorization', `Bearer ${secret}`);
    expect(byToken.status).toBe(503);
    expect(byToken.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(byToken.headers['retry-after'])).toBeGreaterThan(0);
    expect(byToken.body).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'Pakalpojums uz brīdi nav pieejams, un nekas netika saglabāts. Lūdzu, mēģiniet vēlreiz pēc minūtes.',
    });

    const bySession = await agent.get('/api/v1/me');
    expect(bySession.status).toBe(503);
    expect(bySession.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(bySession.headers['retry-after'])).toBeGreaterThan(0);

    const page = await agent.get('/admin/users');
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Pakalpojums nav pieejams');

    await proxy.start();
    expect((await t.http().get('/api/v1/programmes').set('Authorization', `Bearer ${secret}`)).status).toBe(200);
  });
});
