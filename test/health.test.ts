import type { QueryRunner } from 'typeorm';
import { startWebApp, type TestApp } from './support/app';

/** What a load balancer asks of each web process. */
describe('health endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.DATABASE_POOL_SIZE = '2';
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
    delete process.env.DATABASE_POOL_SIZE;
  });

  it('says the process runs', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
  });

  it('says ready while every pooled connection is taken by requests waiting their turn', async () => {
    const held: QueryRunner[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        held.push(runner);
      }
      const started = Date.now();
      const res = await t.http().get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      for (const runner of held) await runner.release();
    }
  });
});
