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

  it("runs by its name on a transaction's connection when given the manager of a transaction on its pool", async () => {
    const { pool, asked } = recordingPool();
    const onConnection: unknown[] = [];
    const connection = { query: (config: unknown) => (onConnection.push(config), Promise.resolve({ rows: [{ n: 2 }] })) };
    const manager = {
      connection: { driver: { master: pool } },
      queryRunner: { isReleased: false, connect: () => Promise.resolve(connection) },
      query: () => Promise.reject(new Error('not through TypeORM')),
    } as unknown as EntityManager;
    const read = PreparedRead.onPool<{ n: number }>(pool, 'in-transaction', 'SELECT $1::int AS n');
    expect(await read.rows([2], manager)).toEqual([{ n: 2 }]);
    expect(onConnection).toEqual([{ name: 'in-transaction', text: 'SELECT $1::int AS n', values: [2] }]);
    expect(asked).toEqual([]);
  });

  it('runs the same text unnamed through a manager whose connection is of another pool', async () => {
    const { pool, asked } = recordingPool();
    const inTransaction: unknown[][] = [];
    const manager = {
      connection: { driver: { master: recordingPool().pool } },
      queryRunner: { isReleased: false, connect: () => Promise.reject(new Error('not this connection')) },
      query: (text: string, values: unknown[]) => (inTransaction.push([text, values]), Promise.resolve([{ n: 3 }])),
    } as unknown as EntityManager;
    const read = PreparedRead.onPool<{ n: number }>(pool, 'elsewhere', 'SELECT $1::int AS n');
    expect(await read.rows([3], manager)).toEqual([{ n: 3 }]);
    expect(inTransaction).toEqual([['SELECT $1::int AS n', [3]]]);
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
