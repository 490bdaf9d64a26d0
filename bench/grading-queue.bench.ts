import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Migrate from '../src/database/migrate';
import { FULL_SIZE, loadGrading, submissionsOf, type LoadedGrading } from './grading/data';
import { fromDist } from './lib/built-app';
import { freshDatabase } from './lib/database';
import { getOk, logIn } from './lib/http';
import type { LoadResult } from './lib/load';
import { measureLoad, statementsPerRequest, type Callers, type Measured } from './lib/measure';
import { startBaseline, startWeb, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
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

/** Logs the instructor in and checks that both endpoints show a full first page before anything is timed. */
async function caller(web: Child, data: LoadedGrading): Promise<Callers> {
  const who: Callers = {
    page: { cookie: await logIn(web.url, data.instructor.email, data.instructor.password) },
    api: { authorization: `Bearer ${data.instructor.apiToken}` },
  };
  const listed = JSON.parse(await getOk(`${web.url}${API_PATH}`, who.api)) as { items: unknown[]; total: number };
  if (listed.items.length < 25 || listed.total !== data.counts.taught_submissions) {
    throw new Error(
      `${API_PATH} listed ${listed.items.length} of ${listed.total}; expected a full page of ${data.counts.taught_submissions}`,
    );
  }
  const page = await getOk(`${web.url}${PAGE_PATH}`, who.page);
  if ((page.match(/href="\/grading\/submissions\//g) ?? []).length !== listed.items.length)
    throw new Error(`${PAGE_PATH} does not show the work the API lists`);
  return who;
}

/** The load every figure here is taken under, with commits per request counted where a database is named. */
const measure = (url: string, server?: Child, headers?: Record<string, string>, databaseUrl?: string) =>
  measureLoad(url, { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, server, headers, databaseUrl, countTransactions: true });

function loadRows(label: string, result: Measured, baseline: LoadResult): BenchRow[] {
  const failed = result.non2xx + result.errors;
  const rows: BenchRow[] = [
    {
      name: `${label}: throughput`,
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: baseline.requestsPerSecond,
      ratio: round(result.requestsPerSecond / baseline.requestsPerSecond, 3),
    },
    {
      name: `${label}: p95 latency`,
      value: result.p95Ms,
      unit: 'ms',
      baseline: baseline.p95Ms,
      ratio: round(result.p95Ms / baseline.p95Ms, 1),
      target: `< ${TARGET_P95_MS} ms`,
      pass: result.p95Ms < TARGET_P95_MS,
    },
    { name: `${label}: p50 latency`, value: result.p50Ms, unit: 'ms', baseline: baseline.p50Ms },
    { name: `${label}: non-2xx or failed responses`, value: failed, unit: 'responses', target: '0', pass: failed === 0 },
  ];
  if (result.serverCpuMs !== undefined) rows.push({ name: `${label}: web process CPU per request`, value: result.serverCpuMs, unit: 'ms' });
  if (result.databaseCpuMs !== undefined)
    rows.push({ name: `${label}: PostgreSQL CPU per request`, value: result.databaseCpuMs, unit: 'ms' });
  if (result.transactions !== undefined)
    rows.push({
      name: `${label}: committed transactions per request (PostgreSQL's counter)`,
      value: result.transactions,
      unit: 'transactions',
    });
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
    log(
      `loading ${submissionsOf(FULL_SIZE)} submissions: ${FULL_SIZE.cohorts} cohorts × ${FULL_SIZE.traineesPerCohort} trainees × ${FULL_SIZE.assignmentsPerCohort} assignments`,
    );
    const url = await freshDatabase(DATABASE);
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    const data = await loadGrading(url, FULL_SIZE);
    log(
      `${Object.entries(data.counts)
        .map(([table, n]) => `${n} ${table}`)
        .join(', ')} in ${round(data.seconds)} s`,
    );

    log(`counting SQL statements per request over ${COUNTED_REQUESTS} requests`);
    const statements = await statementsPerRequest(
      url,
      (counted) => webEnv(counted, uploadDir),
      { page: PAGE_PATH, api: API_PATH },
      (web) => caller(web, data),
      COUNTED_REQUESTS,
    );

    const baselineServer = await start(startBaseline());
    const web = await start(startWeb(webEnv(url, uploadDir)));
    const who = await caller(web, data);
    const machineLoad = loadavg()[0];
    log(
      `load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each (baseline, references, page, API); machine load average ${round(machineLoad, 2)}`,
    );
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
      ...loadRows(`reference: GET ${REFERENCE_PATH} (signed in, next to no work)`, reference, baseline).map(
        ({ target: _target, pass: _pass, ...row }) => row,
      ),
      ...loadRows(`reference: page GET ${REFERENCE_PAGE_PATH} (signed in, one small form)`, referencePage, baseline).map(
        ({ target: _target, pass: _pass, ...row }) => row,
      ),
      { name: `page GET ${PAGE_PATH}: SQL statements per request (session and user included)`, value: statements.page, unit: 'queries' },
      { name: `API GET ${API_PATH}: SQL statements per request (token and user included)`, value: statements.api, unit: 'queries' },
      { name: 'bare Express baseline: throughput', value: baseline.requestsPerSecond, unit: 'req/s' },
      { name: 'bare Express baseline: p95 latency', value: baseline.p95Ms, unit: 'ms' },
      { name: 'machine load average (1 min) before the load runs', value: round(machineLoad, 2), unit: 'runnable' },
    ];
  } finally {
    for (const child of [...children].reverse()) await child.stop();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch((error: unknown) =>
      log(`could not remove Redis keys under ${BENCH_REDIS_PREFIX}: ${String(error)}`),
    );
    await rm(uploadDir, { recursive: true, force: true });
  }
}
