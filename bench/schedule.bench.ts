import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Migrate from '../src/database/migrate';
import { fromDist } from './lib/built-app';
import { freshDatabase } from './lib/database';
import { getOk, logIn } from './lib/http';
import { measureLoad, statementsPerRequest, type Callers, type Measured } from './lib/measure';
import { startBaseline, startWeb, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { round } from './lib/stats';
import { FULL_SIZE, loadSchedule, smallerSize, type LoadedSchedule, type ScheduleSize } from './schedule/data';
import { timeReminderScan } from './schedule/reminder-scan';
import { benchWebEnv } from './lib/web-env';

/**
 * Issue "Programmes, parts, cohorts and the class schedule", item 12, with the targets of issue 9, section 5: a
 * trainee's upcoming sessions (page and API) under load against a platform-sized schedule, each against a bare
 * Express reference doing the same SQL (the page's also rendering the same template), the SQL each request runs at
 * two data sizes, and the reminder scan over all of it.
 */
const CONNECTIONS = 20;
const DURATION_SECONDS = 10;
const COUNTED_REQUESTS = 200;
const SMALL_DIVISOR = 20;
/** Issue 9, section 5: each against a bare Express reference doing the same SQL (and, for the page, the same rendering). */
const TARGETS = { page: { share: 0.7, p95Ms: 150 }, api: { share: 0.85, p95Ms: 100 } };
const TARGET_SCAN_SECONDS = 10;

const PAGE_PATH = '/my/sessions';
const API_PATH = '/api/v1/me/sessions';

const log = (message: string) => process.stdout.write(`schedule: ${message}\n`);

interface Database {
  url: string;
  data: LoadedSchedule;
}

async function prepare(name: string, size: ScheduleSize): Promise<Database> {
  const url = await freshDatabase(name);
  await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
  const data = await loadSchedule(url, size);
  log(
    `${name}: ${Object.entries(data.counts)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ')} in ${round(data.seconds)} s`,
  );
  return { url, data };
}

/** Logging in once per connection must not trip the login limits. */
const webEnv = (databaseUrl: string, uploadDir: string) =>
  benchWebEnv(databaseUrl, uploadDir, { LOGIN_MAX_PER_ACCOUNT: '1000000', LOGIN_MAX_PER_ADDRESS: '1000000' });

/** Logs the trainee in and checks that both endpoints answer with a full first page before anything is timed. */
async function caller(web: Child, trainee: LoadedSchedule['trainee']): Promise<Callers> {
  const who: Callers = {
    page: { cookie: await logIn(web.url, trainee.email, trainee.password) },
    api: { authorization: `Bearer ${trainee.apiToken}` },
  };
  const listed = JSON.parse(await getOk(`${web.url}${API_PATH}`, who.api)) as { items: unknown[]; total: number };
  if (listed.items.length < 25) throw new Error(`${API_PATH} listed ${listed.items.length} sessions; the benchmark expects a full page`);
  const page = await getOk(`${web.url}${PAGE_PATH}`, who.page);
  if ((page.match(/class="session-card/g) ?? []).length !== listed.items.length)
    throw new Error(`${PAGE_PATH} does not show the sessions the API lists`);
  return who;
}

/** The load every figure here is taken under. */
const measure = (url: string, server: Child, headers?: Record<string, string>, databaseUrl?: string) =>
  measureLoad(url, { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, server, headers, databaseUrl });

/** Statements per request of the page and the API, for the trainee of that data. */
const statementsOf = (db: Database, uploadDir: string) =>
  statementsPerRequest(
    db.url,
    (counted) => webEnv(counted, uploadDir),
    { page: PAGE_PATH, api: API_PATH },
    (web) => caller(web, db.data.trainee),
    COUNTED_REQUESTS,
  );

/** A load run's figures against the hello-world `baseline`, with the throughput target against `reference`. */
function loadRows(
  label: string,
  result: Measured,
  baseline: Measured,
  reference: { name: string; measured: Measured },
  target: { share: number; p95Ms: number },
): BenchRow[] {
  const ratio = result.requestsPerSecond / reference.measured.requestsPerSecond;
  const failed = result.non2xx + result.errors;
  const rows: BenchRow[] = [
    {
      name: `${label}: throughput (baseline: ${reference.name})`,
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: reference.measured.requestsPerSecond,
      ratio: round(ratio, 3),
      target: `>= ${target.share * 100} % of baseline`,
      pass: ratio >= target.share,
    },
    {
      name: `${label}: throughput against bare Express hello-world`,
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: baseline.requestsPerSecond,
      ratio: round(result.requestsPerSecond / baseline.requestsPerSecond, 3),
    },
    {
      name: `${label}: p95 latency`,
      value: result.p95Ms,
      unit: 'ms',
      baseline: reference.measured.p95Ms,
      target: `< ${target.p95Ms} ms`,
      pass: result.p95Ms < target.p95Ms,
    },
    { name: `${label}: p50 latency`, value: result.p50Ms, unit: 'ms', baseline: baseline.p50Ms },
    { name: `${label}: non-2xx or failed responses`, value: failed, unit: 'responses', target: '0', pass: failed === 0 },
  ];
  if (result.serverCpuMs !== undefined) {
    const ratioToBaseline = baseline.serverCpuMs ? round(result.serverCpuMs / baseline.serverCpuMs, 1) : undefined;
    rows.push({
      name: `${label}: web process CPU per request`,
      value: result.serverCpuMs,
      unit: 'ms',
      baseline: baseline.serverCpuMs,
      ratio: ratioToBaseline,
    });
  }
  if (result.databaseCpuMs !== undefined)
    rows.push({ name: `${label}: PostgreSQL CPU per request`, value: result.databaseCpuMs, unit: 'ms' });
  return rows;
}

/**
 * The reference that runs the API's own two SQL statements in bare Express: how far the database work alone
 * gets on this machine (against the hello-world), and the platform's API against it.
 */
function referenceRows(label: string, sameSql: Measured, baseline: Measured): BenchRow[] {
  return [
    {
      name: `${label}: throughput`,
      value: sameSql.requestsPerSecond,
      unit: 'req/s',
      baseline: baseline.requestsPerSecond,
      ratio: round(sameSql.requestsPerSecond / baseline.requestsPerSecond, 3),
    },
    { name: `${label}: p95 latency`, value: sameSql.p95Ms, unit: 'ms', baseline: baseline.p95Ms },
    ...(sameSql.serverCpuMs === undefined ? [] : [{ name: `${label}: CPU per request`, value: sameSql.serverCpuMs, unit: 'ms' }]),
    ...(sameSql.databaseCpuMs === undefined
      ? []
      : [{ name: `${label}: PostgreSQL CPU per request`, value: sameSql.databaseCpuMs, unit: 'ms' }]),
  ];
}

function queryRows(label: string, full: number, small: number): BenchRow {
  return {
    name: `${label}: SQL statements per request (baseline: 1/${SMALL_DIVISOR} of the data)`,
    value: full,
    unit: 'queries',
    baseline: small,
    ratio: small ? round(full / small, 3) : undefined,
    target: 'same at both sizes',
    pass: Math.round(full) === Math.round(small),
  };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const uploadDir = await mkdtemp(join(tmpdir(), 'kursors-bench-uploads-'));
  const children: Child[] = [];
  const start = async (child: Promise<Child>) => {
    const started = await child;
    children.push(started);
    return started;
  };
  const stop = async (child: Child) => {
    children.splice(children.indexOf(child), 1);
    await child.stop();
  };
  try {
    log(`loading ${FULL_SIZE.trainees} trainees, ${FULL_SIZE.cohorts} cohorts, ${FULL_SIZE.sessions} sessions`);
    const full = await prepare('kursors_bench_schedule', FULL_SIZE);
    const small = await prepare('kursors_bench_schedule_small', smallerSize(SMALL_DIVISOR));
    rows.push({ name: 'loading the full data set (set-based SQL, incl. VACUUM ANALYZE)', value: round(full.data.seconds, 2), unit: 's' });

    log(`counting SQL statements per request over ${COUNTED_REQUESTS} requests, full data and 1/${SMALL_DIVISOR} of it`);
    const fullQueries = await statementsOf(full, uploadDir);
    const smallQueries = await statementsOf(small, uploadDir);

    const baselineServer = await start(startBaseline());
    const sameSqlServer = await start(startBaseline('schedule/same-sql-server.js', { DATABASE_URL: full.url }));
    const samePageServer = await start(startBaseline('schedule/same-page-server.js', { DATABASE_URL: full.url }));
    const web = await start(startWeb(webEnv(full.url, uploadDir)));
    const who = await caller(web, full.data.trainee);
    const referencePage = await getOk(`${samePageServer.url}${PAGE_PATH}`, who.page);
    if ((referencePage.match(/class="session-card/g) ?? []).length < 25)
      throw new Error('the same-page reference does not show a full page of sessions');
    const machineLoad = loadavg()[0];
    log(
      `load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each (baseline, same SQL, same page, page, API); machine load average ${round(machineLoad, 2)}`,
    );
    const baseline = await measure(`${baselineServer.url}/`, baselineServer);
    const sameSql = await measure(`${sameSqlServer.url}${API_PATH}`, sameSqlServer, who.api, full.url);
    const samePage = await measure(`${samePageServer.url}${PAGE_PATH}`, samePageServer, who.page, full.url);
    const page = await measure(`${web.url}${PAGE_PATH}`, web, who.page, full.url);
    const api = await measure(`${web.url}${API_PATH}`, web, who.api, full.url);
    await stop(web);
    await stop(samePageServer);
    await stop(sameSqlServer);
    await stop(baselineServer);

    rows.push(
      ...loadRows(
        `page GET ${PAGE_PATH}`,
        page,
        baseline,
        { name: 'same SQL and template in bare Express', measured: samePage },
        TARGETS.page,
      ),
      ...loadRows(`API GET ${API_PATH}`, api, baseline, { name: 'same SQL in bare Express', measured: sameSql }, TARGETS.api),
      ...referenceRows(`same SQL as GET ${API_PATH} in bare Express`, sameSql, baseline),
      ...referenceRows(`same SQL and template as GET ${PAGE_PATH} in bare Express with plain Handlebars`, samePage, baseline),
      { name: 'bare Express baseline: throughput', value: baseline.requestsPerSecond, unit: 'req/s' },
      { name: 'bare Express baseline: p95 latency', value: baseline.p95Ms, unit: 'ms' },
      ...(baseline.serverCpuMs === undefined
        ? []
        : [{ name: 'bare Express baseline: CPU per request', value: baseline.serverCpuMs, unit: 'ms' }]),
      { name: 'machine load average (1 min) before the load runs', value: round(machineLoad, 2), unit: 'runnable' },
      queryRows(`page GET ${PAGE_PATH}`, fullQueries.page, smallQueries.page),
      queryRows(`API GET ${API_PATH}`, fullQueries.api, smallQueries.api),
    );

    log(`reminder scan at ${full.data.scanAt.toISOString()}`);
    const scan = await timeReminderScan(full.url, BENCH_REDIS_PREFIX, full.data.scanAt);
    rows.push(
      {
        name: `reminder scan, first run (baseline: bare count of the pairs due)`,
        value: round(scan.first.seconds, 3),
        unit: 's',
        baseline: round(scan.bare.seconds, 3),
        ratio: round(scan.first.seconds / scan.bare.seconds, 1),
        target: `< ${TARGET_SCAN_SECONDS} s`,
        pass: scan.first.seconds < TARGET_SCAN_SECONDS,
      },
      {
        name: 'reminder scan, repeat run (all already in the outbox)',
        value: round(scan.repeat.seconds, 3),
        unit: 's',
        target: `< ${TARGET_SCAN_SECONDS} s`,
        pass: scan.repeat.seconds < TARGET_SCAN_SECONDS,
      },
      { name: 'reminder scan: reminders due (session x offset)', value: scan.first.due, unit: 'reminders' },
      { name: 'reminder scan: emails written to the outbox', value: scan.first.created, unit: 'emails' },
      { name: 'bare query: sessions due in the 24 h window', value: scan.bare.sessions, unit: 'sessions' },
      { name: 'bare query: (session, enrolled trainee) pairs', value: scan.bare.pairs, unit: 'pairs' },
    );
    return rows;
  } finally {
    for (const child of [...children].reverse()) await child.stop();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch((error: unknown) =>
      log(`could not remove Redis keys under ${BENCH_REDIS_PREFIX}: ${String(error)}`),
    );
    await rm(uploadDir, { recursive: true, force: true });
  }
}
