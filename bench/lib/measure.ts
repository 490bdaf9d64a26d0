import { cpuMs, postgresCpuMs } from './cpu';
import { committedTransactions } from './database';
import { sequentialGets } from './http';
import { load, warmUp, type LoadOptions, type LoadResult } from './load';
import { startWeb, type Child } from './processes';
import { startSqlCounter } from './sql-counter';
import { round } from './stats';

export interface Measured extends LoadResult {
  /** CPU milliseconds per request of the server process, and of PostgreSQL (all its processes). */
  serverCpuMs?: number;
  databaseCpuMs?: number;
  /** Transactions PostgreSQL committed per request, when asked for. */
  transactions?: number;
}

export interface MeasureOptions {
  connections: number;
  durationSeconds: number;
  /** The process whose CPU counts as the server's. */
  server?: Child;
  headers?: Record<string, string>;
  /** Requests made afresh for each sending (see LoadOptions), for the warm-up and the timed run alike. */
  requests?: LoadOptions['requests'];
  /** Counts PostgreSQL's CPU, and with `countTransactions` this database's commits, per request. */
  databaseUrl?: string;
  countTransactions?: boolean;
}

/** A warm-up, then a timed load run with CPU (and commits) per request read around it. */
export async function measureLoad(url: string, options: MeasureOptions): Promise<Measured> {
  const { databaseUrl, headers, requests } = options;
  const transactionsOf = databaseUrl && options.countTransactions ? () => committedTransactions(databaseUrl) : undefined;
  await warmUp(url, headers, requests);
  const pids = options.server?.process.pid ? [options.server.process.pid] : [];
  const before = { server: cpuMs(pids), database: databaseUrl ? postgresCpuMs() : undefined, transactions: await transactionsOf?.() };
  const result = await load(url, { connections: options.connections, durationSeconds: options.durationSeconds, headers, requests });
  const perRequest = (from: number | undefined, to: number | undefined) =>
    from === undefined || to === undefined || !result.requests ? undefined : round((to - from) / result.requests, 2);
  return {
    ...result,
    serverCpuMs: perRequest(before.server, cpuMs(pids)),
    databaseCpuMs: perRequest(before.database, databaseUrl ? postgresCpuMs() : undefined),
    transactions: transactionsOf ? perRequest(before.transactions, await transactionsOf()) : undefined,
  };
}

export interface Callers {
  page: Record<string, string>;
  api: Record<string, string>;
}

/**
 * Runs `use` against a web process whose database connections go through a statement counter: a process apart
 * from the one under load, since the extra hop would slow it. Both are stopped afterwards.
 */
export async function withCountedWeb<T>(
  databaseUrl: string,
  env: (databaseUrl: string) => NodeJS.ProcessEnv,
  use: (web: Child, statements: () => number, texts: () => string[]) => Promise<T>,
): Promise<T> {
  const counter = await startSqlCounter(databaseUrl, { record: true });
  try {
    const web = await startWeb(env(counter.url));
    try {
      return await use(
        web,
        () => counter.statements(),
        () => counter.texts(),
      );
    } finally {
      await web.stop();
    }
  } finally {
    await counter.stop();
  }
}

/**
 * SQL statements per request of a page and an API path, requests sent one at a time to a counted web process.
 */
export async function statementsPerRequest(
  databaseUrl: string,
  env: (databaseUrl: string) => NodeJS.ProcessEnv,
  paths: { page: string; api: string },
  callers: (web: Child) => Promise<Callers>,
  requests: number,
): Promise<{ page: number; api: number }> {
  return withCountedWeb(databaseUrl, env, async (web, statements) => {
    const who = await callers(web);
    const per = async (path: string, headers: Record<string, string>) => {
      const before = statements();
      await sequentialGets(`${web.url}${path}`, headers, requests);
      return round((statements() - before) / requests, 2);
    };
    return { page: await per(paths.page, who.page), api: await per(paths.api, who.api) };
  });
}
