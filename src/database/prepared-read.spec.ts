import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { PreparedRead } from './prepared-read';

/** A pool that records what it is asked: the reads' own logic, without a database. */
function recordingPool() {
  const asked: unknown[] = [];
  const pool = { query: (config: unknown) => (asked.push(config), Promise.resolve({ rows: [{ n: 1 }] })) } as unknown as Pool;
  return { pool, asked };
}

describe('PreparedRead', () => {
  it('sends its name, text and the values, and answers the rows', async () => {
    const { pool, asked } = recordingPool();
    const read = PreparedRead.onPool<{ n: number }>(pool, 'one', 'SELECT $1::int AS n');
    expect(await read.rows([1])).toEqual([{ n: 1 }]);
    expect(asked).toEqual([{ name: 'one', text: 'SELECT $1::int AS n', values: [1] }]);
  });

  it('runs the same text in a transaction when given its manager, unnamed', async () => {
    const { pool, asked } = recordingPool();
    const inTransaction: unknown[][] = [];
    const manager = {
      query: (text: string, values: unknown[]) => (inTransaction.push([text, values]), Promise.resolve([{ n: 2 }])),
    } as unknown as EntityManager;
    const read = PreparedRead.onPool<{ n: number }>(pool, 'in-transaction', 'SELECT $1::int AS n');
    expect(await read.rows([2], manager)).toEqual([{ n: 2 }]);
    expect(inTransaction).toEqual([['SELECT $1::int AS n', [2]]]);
    expect(asked).toEqual([]);
  });

  it('lets the same statement be declared again on a pool (a second app in one process), but not other text under its name', () => {
    const { pool } = recordingPool();
    PreparedRead.onPool(pool, 'two', 'SELECT 2');
    expect(() => PreparedRead.onPool(pool, 'two', 'SELECT 2')).not.toThrow();
    expect(() => PreparedRead.onPool(pool, 'two', 'SELECT 3')).toThrow(/two exists already with other text/);
    expect(() => PreparedRead.onPool(recordingPool().pool, 'two', 'SELECT 3')).not.toThrow();
  });
});
