import { Client } from 'pg';

/** A fresh database for a benchmark run, dropped and made again each time. */
export async function freshDatabase(
  name: string,
  base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<string> {
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Statements run in a database, from PostgreSQL's own counters: every statement outside an explicit
 * transaction commits one, so the delta over N requests divided by N is the queries per request.
 *
 * Only for processes that have ended by the time of the reading: PostgreSQL 15 publishes a backend's counters
 * when the backend exits, so the commits of a pool that stays connected (a running web process) do not show
 * (on this machine: not within a minute). To count what a running process asks, put startSqlCounter (sql-counter.ts) in its way.
 */
export async function committedTransactions(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // Counters reach pg_stat_database when backends report; give them a moment and force our own view fresh.
  await new Promise((r) => setTimeout(r, 1200));
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
  await client.end();
  return Number(rows[0].n);
}
