import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import { Client } from 'pg';
import { ensureDatabase } from '../src/database/ensure-database';
import { checkRedis } from '../src/redis/check-redis';

describe('before the platform starts', () => {
  it('creates the database when it is missing', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/kursors_created_${process.pid}`;
    await ensureDatabase(url.toString());
    await ensureDatabase(url.toString());
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    await client.end();
    expect(rows[0].db).toBe(`kursors_created_${process.pid}`);
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS kursors_created_${process.pid}`);
    await admin.end();
  });

  it('says in one line which PostgreSQL it could not reach and how to start it', async () => {
    await expect(ensureDatabase('postgres://postgres@127.0.0.1:1/kursors')).rejects.toThrow(
      /^PostgreSQL is not reachable at 127\.0\.0\.1:1 .*docker compose up -d postgres/,
    );
  });

  it('says in one line which Redis it could not reach and how to start it, and leaves no timer behind', async () => {
    const left = await timersLeftBy(() =>
      expect(checkRedis('redis://127.0.0.1:1')).rejects.toThrow(/^Redis is not reachable at 127\.0\.0\.1:1 .*docker compose up -d redis/),
    );
    expect(left).toEqual([]);
  });
});

/**
 * The timers that `work` started and that are still pending when it has finished. Only timers created inside
 * `work`'s own asynchronous context count, so timers of anything else running in this process do not.
 */
async function timersLeftBy(work: () => Promise<unknown>): Promise<string[]> {
  const context = new AsyncLocalStorage<symbol>();
  const mark = Symbol('work');
  const pending = new Map<number, string>();
  const hook = createHook({
    init(asyncId, type) {
      if (type === 'Timeout' && context.getStore() === mark) pending.set(asyncId, new Error().stack ?? '');
    },
    destroy(asyncId) {
      pending.delete(asyncId);
    },
  }).enable();
  try {
    await context.run(mark, work);
    // Destroy hooks are delivered asynchronously: let the ones for timers already cleared arrive.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    return [...pending.values()];
  } finally {
    hook.disable();
  }
}
