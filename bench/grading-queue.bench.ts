import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Migrate from '../src/database/migrate';
import { FULL_SIZE, loadGrading, submissionsOf, type LoadedGrading } from './grading/data';
import { fromDist } from './lib/built-app';
import { cpuMs, postgresCpuMs } from './lib/cpu';
import { committedTransactions, freshDatabase } from './lib/database';
import { getOk, logIn, sequentialGets } from './lib/http';
import { load, warmUp, type LoadResult } from './lib/load';
import { startBaseline, startWeb, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { startSqlCounter } from './lib/sql-counter';
import { round } from './lib/stats';
import { benchWebEnv } from './lib/web-env';

/**
 * Issue "Independent work", item 8: the instructor's grading queue (page and API) with 100,000 submissions
 * loaded, at 20 connections, against the bare Express baseline measured in the same run; and the SQL each
 * request runs.
 */
const CONNECTIONS = 20;
const DURATION_SECONDS = 10;
const COUNTED_REQUESTS = 100;
const TARGET_P95_MS = 100;

const PAGE_PATH = '/grading';
const API_PATH = '/api/v1/grading/queue';
/** A signed-in API call and a page that do next to nothing: what any request costs on this platform and machine. */
const REFERENCE_PATH = '/api/v1/me';
const REFERENCE_PAGE_PATH = '/profile';
const DATABASE = 'kursors_bench_grading';

const log = (message: string) => process.stdout.write(`grading-queue: ${message}\n`);

/** Logging in once per connection must not trip the login limits. */
const webEnv = (databaseUrl: string, uploadDir: string) =>
  benchWebEnv(databaseUrl, uploadDir, { LOGIN_MAX_PER_ACCOUNT: '1000000', LOGIN_MAX_PER_ADDRESS: '1000000' });

interface Caller {
  page: Record<string, string>;
  api: Record<string, string>;
}

/** Logs the instructor in and checks that both endpoints show a full first page before anything is timed. */
async function caller(web: Child, data: LoadedGrading): Promise<Caller> {
  const who: Caller = { page: { cookie: await logIn(web.url, data.instructor.email, data.instructor.password) }, api: { authorization: `Bearer ${data.instructor.apiToken}` } };
  const listed = JSON.parse(await getOk(`${web.url}${API_PATH}`, who.api)) as { items: unknown[]; total: number };
  if (listed.items.length < 25 || listed.total !== data.counts.taught_submissions) {
    throw new Error(`${API_PATH} listed ${listed.items.length} of ${listed.total}; expected a full page of ${data.counts.taught_submissions}`);
  }
  const page = await getOk(`${web.url}${PAGE_PATH}`, who.page);
  if ((page.match(/href="\/grading\/submissions\//g) ?? []).length !== listed.items.length) throw new Error(`${PAGE_PATH} does not show the work the API lists`);
  return who;
}

/** SQL statements per request, one request at a time, through a counting hop (a process apart from the one under load). */
async function statementsPerRequest(databaseUrl: string, uploadDir: string, data: LoadedGrading): Promise<{ page: number; api: number }> {
  const counter = await startSqlCounter(databaseUrl);
  const web = await startWeb(webEnv(counter.url, uploadDir));
  try {
    const who = await caller(web, data);
    const per = async (url: string, headers: Record<string, string>) => {
      const before = counter.statements();
      await sequentialGets(url, headers, COUNTED_REQUESTS);
      return round((counter.statements() - before) / COUNTED_REQUESTS, 2);
    };
    return { page: await per(`${web.url}${PAGE_PATH}`, who.page), api: await per(`${web.url}${API_PATH}`, who.api) };
  } finally {
    await web.stop();
    await counter.stop();
  }
}

interface Measured extends LoadResult {
  /** CPU milliseconds per request of the web process, and of the database backends serving it. */
  serverCpuMs?: number;
  databaseCpuMs?: number;
  /** Transactions PostgreSQL committed per request. */
  transactions?: number;
}

async function measure(url: string, server?: Child, headers?: Record<string, string>, databaseUrl?: string): Promise<Measured> {
  await warmUp(url, headers);
  const pids = server?.process.pid ? [server.process.pid] : [];
  const before = { server: cpuMs(pids), database: databaseUrl ? postgresCpuMs() : undefined, transactions: databaseUrl ? await committedTransactions(databaseUrl) : undefined };
  const result = await load(url, { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, headers });
  const perRequest = (from: number | undefined, to: number | undefined) =>
    from === undefined || to === undefined || !result.requests ? undefined : round((to - from) / result.requests, 2);
  return {
    ...result,
    serverCpuMs: perRequest(before.server, cpuMs(pids)),
    databaseCpuMs: perRequest(before.database, databaseUrl ? postgresCpuMs() : undefined),
    transactions: databaseUrl ? perRequest(before.transactions, await committedTransactions(databaseUrl)) : undefined,
  };
}

function loadRows(label: string, result: Measured, baseline: LoadResult): BenchRow[] {
  const failed = result.non2xx + result.errors;
  const rows: BenchRow[] = [
    { name: `${label}: throughput`, value: result.requestsPerSecond, unit: 'req/s', baseline: baseline.requestsPerSecond, ratio: round(result.requestsPerSecond / baseline.requestsPerSecond, 3) },
    { name: `${label}: p95 latency`, value: result.p95Ms, unit: 'ms', baseline: baseline.p95Ms, ratio: round(result.p95Ms / baseline.p95Ms, 1), target: `< ${TARGET_P95_MS} ms`, pass: result.p95Ms < TARGET_P95_MS },
    { name: `${label}: p50 latency`, value: result.p50Ms, unit: 'ms', baseline: baseline.p50Ms },
    { name: `${label}: non-2xx or failed responses`, value: failed, unit: 'responses', target: '0', pass: failed === 0 },
  ];
  if (result.serverCpuMs !== undefined) rows.push({ name: `${label}: web process CPU per request`, value: result.serverCpuMs, unit: 'ms' });
  if (result.databaseCpuMs !== undefined) rows.push({ name: `${label}: PostgreSQL CPU per request`, value: result.databaseCpuMs, unit: 'ms' });
  if (result.transactions !== undefined) rows.push({ name: `${label}: committed transactions per request (PostgreSQL's counter)`, value: result.transactions, unit: 'transactions' });
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  const uploadDir = await mkdtemp(join(tmpdir(), 'kursors-bench-uploads-'));
  const children: Child[] = [];
  const start = async (child: Promise<Child>) => {
    const started = await child;
    children.push(started);
    return started;
  };
  try {
    log(`loading ${submissionsOf(FULL_SIZE)} submissions: ${FULL_SIZE.cohorts} cohorts × ${FULL_SIZE.traineesPerCohort} trainees × ${FULL_SIZE.assignmentsPerCohort} assignments`);
    const url = await freshDatabase(DATABASE);
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    const data = await loadGrading(url, FULL_SIZE);
    log(`${Object.entries(data.counts).map(([table, n]) => `${n} ${table}`).join(', ')} in ${round(data.seconds)} s`);

    log(`counting SQL statements per request over ${COUNTED_REQUESTS} requests`);
    const statements = await statementsPerRequest(url, uploadDir, data);

    const baselineServer = await start(startBaseline());
    const web = await start(startWeb(webEnv(url, uploadDir)));
    const who = await caller(web, data);
    const machineLoad = loadavg()[0];
    log(`load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each (baseline, references, page, API); machine load average ${round(machineLoad, 2)}`);
    const baseline = await measure(`${baselineServer.url}/`);
    const reference = await measure(`${web.url}${REFERENCE_PATH}`, web, who.api, url);
    const referencePage = await measure(`${web.url}${REFERENCE_PAGE_PATH}`, web, who.page, url);
    const page = await measure(`${web.url}${PAGE_PATH}`, web, who.page, url);
    const api = await measure(`${web.url}${API_PATH}`, web, who.api, url);

    return [
      { name: 'loading the data set (set-based SQL, incl. VACUUM ANALYZE)', value: round(data.seconds, 2), unit: 's' },
      { name: 'submissions loaded', value: data.counts.submissions, unit: 'rows' },
      { name: "submissions in the instructor's cohorts", value: data.counts.taught_submissions, unit: 'rows' },
      ...loadRows(`page GET ${PAGE_PATH}`, page, baseline),
      ...loadRows(`API GET ${API_PATH}`, api, baseline),
      ...loadRows(`reference: GET ${REFERENCE_PATH} (signed in, next to no work)`, reference, baseline).map(({ target: _target, pass: _pass, ...row }) => row),
      ...loadRows(`reference: page GET ${REFERENCE_PAGE_PATH} (signed in, one small form)`, referencePage, baseline).map(({ target: _target, pass: _pass, ...row }) => row),
      { name: `page GET ${PAGE_PATH}: SQL statements per request (session and user included)`, value: statements.page, unit: 'queries' },
      { name: `API GET ${API_PATH}: SQL statements per request (token and user included)`, value: statements.api, unit: 'queries' },
      { name: 'bare Express baseline: throughput', value: baseline.requestsPerSecond, unit: 'req/s' },
      { name: 'bare Express baseline: p95 latency', value: baseline.p95Ms, unit: 'ms' },
      { name: 'machine load average (1 min) before the load runs', value: round(machineLoad, 2), unit: 'runnable' },
    ];
  } finally {
    for (const child of [...children].reverse()) await child.stop();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch((error: unknown) => log(`could not remove Redis keys under ${BENCH_REDIS_PREFIX}: ${String(error)}`));
    await rm(uploadDir, { recursive: true, force: true });
  }
}
