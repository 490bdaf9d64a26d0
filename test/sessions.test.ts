import { Redis } from 'ioredis';
import { appKey } from '../src/redis/redis-keys';
import { AppConfig } from '../src/config/app-config';
import { startWebApp, TestApp } from './support/app';
import { createTrainee, TEST_PASSWORD } from './support/factories';
import { csrfToken, logIn } from './support/http';

describe('sessions across processes and time', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    [first, second] = await Promise.all([startWebApp(), startWebApp()]);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('keeps a session made by one web process valid on another, as behind a load balancer', async () => {
    const user = await createTrainee(first.dataSource);
    const agent = first.agent();
    await logIn(agent, user.email);
    const viaSecond = await second.http().get('/').set('Cookie', sessionCookie(agent));
    expect(viaSecond.status).toBe(200);
    expect(viaSecond.text).toContain(user.name);
  });

  it('sets the session cookie httpOnly and SameSite=Lax', async () => {
    const res = await first.http().get('/login');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/kursors\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('ends a session past the absolute timeout even while it is in use', async () => {
    const user = await createTrainee(first.dataSource);
    const agent = first.agent();
    await logIn(agent, user.email);
    await first.dataSource.query(
      `UPDATE user_sessions SET sess = jsonb_set(sess::jsonb, '{loginAt}', to_jsonb(0))::json WHERE sess->>'userId' = $1`,
      [user.id],
    );
    const res = await agent.get('/');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2F');
  });

  it('ends a session after the idle timeout', async () => {
    const user = await createTrainee(first.dataSource);
    const agent = first.agent();
    await logIn(agent, user.email);
    await first.dataSource.query(`UPDATE user_sessions SET expire = now() - interval '1 second' WHERE sess->>'userId' = $1`, [user.id]);
    const res = await agent.get('/');
    expect(res.status).toBe(303);
  });

  it('moves the idle expiry forward once it is more than a minute behind, not on every request', async () => {
    const user = await createTrainee(first.dataSource);
    const agent = first.agent();
    await logIn(agent, user.email);
    const expiry = async () => {
      const [row] = await first.dataSource.query(`SELECT expire FROM user_sessions WHERE sess->>'userId' = $1`, [user.id]);
      return (row as { expire: Date }).expire.getTime();
    };
    const afterLogin = await expiry();
    expect((await agent.get('/')).status).toBe(200);
    expect(await expiry()).toBe(afterLogin);

    // As if the last write were five minutes ago: the next request pushes the expiry to a full idle period again.
    await first.dataSource.query(`UPDATE user_sessions SET expire = expire - interval '5 minutes' WHERE sess->>'userId' = $1`, [user.id]);
    const before = Date.now();
    expect((await agent.get('/')).status).toBe(200);
    const idleMs = first.app.get(AppConfig).env.SESSION_IDLE_MINUTES * 60_000;
    expect(await expiry()).toBeGreaterThanOrEqual(before + idleMs - 1000);
  });

  it('shows a change to the signed-in user on the very next request', async () => {
    const user = await createTrainee(first.dataSource);
    const agent = first.agent();
    await logIn(agent, user.email);
    expect((await agent.get('/')).text).toContain(user.name);
    await first.dataSource.query(`UPDATE users SET name = 'Pārdēvēta Kursante' WHERE id = $1`, [user.id]);
    expect((await agent.get('/')).text).toContain('Pārdēvēta Kursante');
  });

  it('logs out and the old cookie no longer works', async () => {
    const user = await createTrainee(first.dataSource);
    const agent = first.agent();
    await logIn(agent, user.email);
    const cookie = sessionCookie(agent);
    const token = await csrfToken(agent, '/');
    expect((await agent.post('/logout').type('form').send({ _csrf: token })).status).toBe(303);
    const res = await first.http().get('/').set('Cookie', cookie);
    expect(res.status).toBe(303);
  });

  it('clears the session cookie in the browser on logout', async () => {
    const user = await createTrainee(first.dataSource);
    const agent = first.agent();
    await logIn(agent, user.email);
    const token = await csrfToken(agent, '/');
    const res = await agent.post('/logout').type('form').send({ _csrf: token });
    const cleared = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('kursors.sid='));
    expect(cleared).toMatch(/^kursors\.sid=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    expect(cleared).toMatch(/Path=\//);
    expect(cleared).toMatch(/HttpOnly/);
    expect(() => sessionCookie(agent)).toThrow('no session cookie');
  });

  it('refuses a disabled user at once', async () => {
    const user = await createTrainee(first.dataSource);
    const agent = first.agent();
    await logIn(agent, user.email);
    await first.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [user.id]);
    expect((await agent.get('/')).status).toBe(303);
    const token = await csrfToken(agent);
    const retry = await agent.post('/login').type('form').send({ _csrf: token, email: user.email, password: TEST_PASSWORD });
    expect(retry.status).toBe(422);
  });
});

describe('login rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t.close());

  it('blocks an account after 5 failed attempts, even with the right password, with a clear message', async () => {
    const user = await createTrainee(t.dataSource);
    const agent = t.agent();
    for (let i = 0; i < 5; i++) {
      const token = await csrfToken(agent);
      const res = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: token, email: user.email, password: `wrong-${i}-password` });
      expect(res.status).toBe(422);
    }
    const token = await csrfToken(agent);
    const blocked = await agent.post('/login').type('form').send({ _csrf: token, email: user.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain('Pārāk daudz neveiksmīgu pieteikšanās mēģinājumu');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('blocks an address that tries many accounts', async () => {
    const user = await createTrainee(t.dataSource);
    const agent = t.agent();
    const token = await csrfToken(agent);
    // The test app does not trust proxies, so it sees the loopback address; block that one instead.
    const local = new Redis(process.env.REDIS_URL!, { keyPrefix: appKey(process.env.REDIS_PREFIX!, '') });
    for (const ip of ['::ffff:127.0.0.1', '127.0.0.1', '::1']) await local.set(`login:address:${ip}`, '20', 'EX', 60);
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: user.email, password: TEST_PASSWORD });
    for (const ip of ['::ffff:127.0.0.1', '127.0.0.1', '::1']) await local.del(`login:address:${ip}`);
    local.disconnect();
    expect(res.status).toBe(429);
  });
});

function sessionCookie(agent: ReturnType<TestApp['agent']>): string {
  const jar = (agent as unknown as { jar: { getCookies(opts: object): { name: string; value: string }[] } }).jar;
  const cookie = jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).find((c) => c.name === 'kursors.sid');
  if (!cookie) throw new Error('no session cookie');
  return `kursors.sid=${cookie.value}`;
}
