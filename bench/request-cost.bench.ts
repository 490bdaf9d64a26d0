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
import { benchWebEnv } from './lib/web-env';
import { loadCaller, type LoadedCaller } from './request-cost/data';

/**
 * The fixed cost of every request: a signed-in API call that does next to no work (`GET /api/v1/me`), by API
 * token and by session cookie, against the bare Express hello-world in the same run. The figure that counts is
 * the web process's CPU per request, which a machine busy with other work disturbs least.
 */
const CONNECTIONS = 20;
const DURATION_SECONDS = 10;
const COUNTED_REQUESTS = 100;
const TARGET_CPU_MS = 0.5;

const ME_PATH = '/api/v1/me';
const PROFILE_PAGE_PATH = '/profile';
const DATABASE = 'kursors_bench_request_cost';

const log = (message: string) => process.stdout.write(`request-cost: ${message}\n`);

const webEnv = (databaseUrl: string, uploadDir: string) => benchWebEnv(databaseUrl, uploadDir);

/** Logs in through the form and checks that both ways of signing in reach the same account. */
async function caller(web: Child, data: LoadedCaller): Promise<Callers> {
  const who: Callers = {
    page: { cookie: await logIn(web.url, data.email, data.password) },
    api: { authorization: `Bearer ${data.apiToken}` },
  };
  for (const headers of [who.api, who.page]) {
    const me = JSON.parse(await getOk(`${web.url}${ME_PATH}`, headers)) as { email?: string };
    if (me.email !== data.email) throw new Error(`${ME_PATH} answered for ${String(me.email)}, not ${data.email}`);
  }
  return who;
}

const measure = (url: string, server: Child, headers?: Record<string, string>, databaseUrl?: string) =>
  measureLoad(url, { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, server, headers, databaseUrl });

function rowsOf(label: string, result: Measured, baseline: Measured, target: boolean): BenchRow[] {
  const cpu = result.serverCpuMs ?? NaN;
  const failed = result.non2xx + result.errors;
  return [
    {
      name: `${label}: web process CPU per request`,
      value: cpu,
      unit: 'ms',
      baseline: baseline.serverCpuMs,
      ratio: baseline.serverCpuMs ? round(cpu / baseline.serverCpuMs, 1) : undefined,
      ...(target ? { target: `< ${TARGET_CPU_MS} ms`, pass: cpu < TARGET_CPU_MS } : {}),
    },
    {
      name: `${label}: throughput`,
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: baseline.requestsPerSecond,
      ratio: round(result.requestsPerSecond / baseline.requestsPerSecond, 3),
    },
    { name: `${label}: p95 latency`, value: result.p95Ms, unit: 'ms', baseline: baseline.p95Ms },
    ...(result.databaseCpuMs === undefined
      ? []
      : [{ name: `${label}: PostgreSQL CPU per request`, value: result.databaseCpuMs, unit: 'ms' }]),
    { name: `${label}: non-2xx or failed responses`, value: failed, unit: 'responses', target: '0', pass: failed === 0 },
  ];
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
    const url = await freshDatabase(DATABASE);
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    const data = await loadCaller(url);

    log(`counting SQL statements per request over ${COUNTED_REQUESTS} requests`);
    const statements = await statementsPerRequest(
      url,
      (counted) => webEnv(counted, uploadDir),
      { page: ME_PATH, api: ME_PATH },
      (web) => caller(web, data),
      COUNTED_REQUESTS,
    );

    const baselineServer = await start(startBaseline());
    const web = await start(startWeb(webEnv(url, uploadDir)));
    const who = await caller(web, data);
    const machineLoad = loadavg()[0];
    log(`load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each; machine load average ${round(machineLoad, 2)}`);
    const baseline = await measure(`${baselineServer.url}/`, baselineServer);
    const byToken = await measure(`${web.url}${ME_PATH}`, web, who.api, url);
    const byCookie = await measure(`${web.url}${ME_PATH}`, web, who.page, url);
    const page = await measure(`${web.url}${PROFILE_PAGE_PATH}`, web, who.page, url);

    return [
      ...rowsOf(`GET ${ME_PATH}, API token`, byToken, baseline, true),
      ...rowsOf(`GET ${ME_PATH}, session cookie`, byCookie, baseline, true),
      ...rowsOf(`page GET ${PROFILE_PAGE_PATH} (one small form)`, page, baseline, false),
      {
        name: `GET ${ME_PATH}: SQL statements per request (API token / session cookie)`,
        value: statements.api,
        unit: 'queries',
        baseline: statements.page,
      },
      { name: 'bare Express hello-world: throughput', value: baseline.requestsPerSecond, unit: 'req/s' },
      { name: 'bare Express hello-world: CPU per request', value: baseline.serverCpuMs ?? NaN, unit: 'ms' },
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
