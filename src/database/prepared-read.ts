import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** The statements named on each pool: the driver refuses a name reused for other text on one connection. */
const named = new WeakMap<Pool, Map<string, string>>();

/** The pool of TypeORM's driver (the master pool), once the data source is initialised. */
const poolOf = (dataSource: DataSource): Pool | undefined => (dataSource.driver as unknown as { master?: Pool }).master;

/**
 * A read that runs on most requests, as a named prepared statement: PostgreSQL parses it once per connection
 * instead of on every call, and after the first call only the parameters cross the wire. On the schedule list
 * this took the database's CPU per call from 1.25 to 0.82 ms and the web process's from 0.59 to 0.45 ms.
 *
 * Reads (a read that locks its rows, `FOR UPDATE`, included), and a change made in one statement that commits by
 * itself (an answer save). Without a manager it runs on a pooled connection of its own, outside any TypeORM
 * transaction; given a transaction's manager, it runs on that
 * transaction's connection: by its name when the connection is one of this statement's pool, otherwise as plain
 * text. A name belongs to one statement text on a pool, which is checked here rather than on the first clash at
 * run time.
 */
export class PreparedRead<R extends QueryResultRow> {
  private constructor(
    private readonly pool: Pool,
    private readonly name: string,
    readonly text: string,
  ) {}

  /** A read on TypeORM's own connection pool (the driver's, which exists once the data source is initialised). */
  static on<R extends QueryResultRow>(dataSource: DataSource, name: string, text: string): PreparedRead<R> {
    const pool = poolOf(dataSource);
    if (!pool) throw new Error('the data source is not initialised');
    return PreparedRead.onPool<R>(pool, name, text);
  }

  static onPool<R extends QueryResultRow>(pool: Pool, name: string, text: string): PreparedRead<R> {
    const texts = named.get(pool) ?? new Map<string, string>();
    named.set(pool, texts);
    if (texts.has(name) && texts.get(name) !== text) throw new Error(`the prepared read ${name} exists already with other text`);
    texts.set(name, text);
    return new PreparedRead<R>(pool, name, text);
  }

  /** The rows, read in `manager`'s transaction when given one. */
  async rows(values: unknown[], manager?: EntityManager): Promise<R[]> {
    if (!manager) return (await this.pool.query<R>({ name: this.name, text: this.text, values })).rows;
    const runner = manager.queryRunner;
    if (runner && !runner.isReleased && poolOf(manager.connection) === this.pool) {
      const client = (await runner.connect()) as PoolClient;
      return (await client.query<R>({ name: this.name, text: this.text, values })).rows;
    }
    return (await manager.query(this.text, values)) as R[];
  }
}
