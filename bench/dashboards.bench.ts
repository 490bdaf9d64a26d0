import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Migrate from '../src/database/migrate';
import { loadDashboards, type LoadedDashboards, type Person } from './dashboards/data';
import { fromDist } from './lib/built-app';
import { freshDatabase } from './lib/database';
import { getOk, logIn, sequentialLatencies as latencies } from './lib/http';
import { statementsPerRequest, type Callers } from './lib/measure';
import { startBaseline, startWeb, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { percentile, round } from './lib/stats';
import { benchWebEnv } from './lib/web-env';
import { FULL_SIZE } from './reports/data';

/**
 * The home page, everyone's first request: each role's dashboard (page `GET /` and API `GET /api/v1/me/dashboard`)
 * with 10,000 trainees, 500 cohorts, 20,000 sessions and 100,000 submissions loaded. SQL statements per request are
 * counted at the full size and at 1/20 of it (bounded: the same number), then each page and API is timed one
 * request after another against the bare Express baseline and a signed-in request that does next to nothing.
 */
const REQUESTS = 100;
const COUNTED_REQUESTS = 20;
const TARGET_P95_MS = { trainee: 150, instructor: 150, admin: 1000 };
const DATABASE = 'kursors_bench_dashboards';
const SMALL_DATABASE = 'kursors_bench_dashboards_small';
const PAGE = '/';
const API = '/api/v1/me/dashboard';
const REFERENCE = '/api/v1/me';
const ROLES = ['trainee', 'instructor', 'admin'] as const;
type Role = (typeof ROLES)[number];

const log = (message: string) => process.stdout.write(`dashboards: ${message}\n`);
const webEnv = (url: string, uploadDir: string) =>
  benchWebEnv(url, uploadDir, { LOGIN_MAX_PER_ACCOUNT: '1000', LOGIN_MAX_PER_ADDRESS: '1000' });

/** Signs the person in through the form and checks that both ways reach their role's panels. */
async function callers(web: Child, person: Person, role: Role): Promise<Callers> {
  const who = {
    page: { cookie: await logIn(web.url, person.email, person.password) },
    api: { authorization: `Bearer ${person.apiToken}` },
  };
  const body = JSON.parse(await getOk(`${web.url}${API}`, who.api)) as Record<Role, unknown>;
  if (!body[role]) throw new Error(`${API} as ${person.email} has no ${role} panels`);
  if (!(await getOk(`${web.url}${PAGE}`, who.page)).includes(`id="role-${role}"`))
    throw new Error(`${PAGE} as ${person.email} shows no ${role} panels`);
  return who;
}

async function load(name: string, size: typeof FULL_SIZE): Promise<{ url: string; data: LoadedDashboards }> {
  const url = await freshDatabase(name);
  await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
  return { url, data: await loadDashboards(url, size) };
}

/** Statements per request of each role's page and API. */
async function counted(url: string, data: LoadedDashboards, uploadDir: string): Promise<Record<Role, { page: number; api: number }>> {
  const out = {} as Record<Role, { page: number; api: number }>;
  for (const role of ROLES)
    out[role] = await statementsPerRequest(
      url,
      (u) => webEnv(u, uploadDir),
      { page: PAGE, api: API },
      (web) => callers(web, data[role], role),
      COUNTED_REQUESTS,
    );
  return out;
}

function latencyRow(label: string, times: number[], baseline: number[], target?: number): BenchRow {
  const p95 = round(percentile(times, 95), 1);
  const base95 = round(percentile(baseline, 95), 1);
  return {
    name: `${label}: p95 latency (p50 ${round(percentile(times, 50), 1)} ms)`,
    value: p95,
    unit: 'ms',
    baseline: base95,
    ratio: round(p95 / base95, 1),
    ...(target ? { target: `< ${target} ms`, pass: p95 < target } : {}),
  };
}

export async function run(): Promise<BenchRow[]> {
  const uploadDir = await mkdtemp(join(tmpdir(), 'kursors-bench-uploads-'));
  const children: Child[] = [];
  try {
    const small = await load(SMALL_DATABASE, { ...FULL_SIZE, cohorts: FULL_SIZE.cohorts / 20 });
    log('loading 10,000 trainees, 500 cohorts, 20,000 sessions, 100,000 submissions, 500 exams');
    const full = await load(DATABASE, FULL_SIZE);
    log(
      `${Object.entries(full.data.counts)
        .map(([table, n]) => `${n} ${table}`)
        .join(', ')} in ${round(full.data.seconds)} s`,
    );
    log(`counting SQL statements per request over ${COUNTED_REQUESTS} requests, at 1/20 and at the full size`);
    const atSmall = await counted(small.url, small.data, uploadDir);
    const atFull = await counted(full.url, full.data, uploadDir);

    const baselineServer = await startBaseline();
    children.push(baselineServer);
    const web = await startWeb(webEnv(full.url, uploadDir));
    children.push(web);
    const who = {} as Record<Role, Callers>;
    for (const role of ROLES) who[role] = await callers(web, full.data[role], role);
    const machineLoad = loadavg()[0];
    log(`${REQUESTS} requests one after another to each; machine load average ${round(machineLoad, 2)}`);
    const baseline = await latencies(`${baselineServer.url}/`, {}, REQUESTS);
    const reference = await latencies(`${web.url}${REFERENCE}`, who.trainee.api, REQUESTS);
    const rows: BenchRow[] = [
      { name: 'loading the data set (set-based SQL, incl. VACUUM ANALYZE)', value: round(full.data.seconds, 2), unit: 's' },
    ];
    for (const role of ROLES) {
      const page = await latencies(`${web.url}${PAGE}`, who[role].page, REQUESTS);
      const api = await latencies(`${web.url}${API}`, who[role].api, REQUESTS);
      rows.push(
        latencyRow(`${role}: page GET ${PAGE}`, page, baseline, TARGET_P95_MS[role]),
        latencyRow(`${role}: API GET ${API}`, api, baseline, TARGET_P95_MS[role]),
        {
          name: `${role}: SQL statements per request, page / API (at 1/20 of the data: ${atSmall[role].page} / ${atSmall[role].api})`,
          value: atFull[role].page,
          unit: 'queries',
          baseline: atFull[role].api,
          target: 'the same at 1/20',
          pass: atFull[role].page === atSmall[role].page && atFull[role].api === atSmall[role].api,
        },
      );
    }
    rows.push(
      latencyRow(`reference: GET ${REFERENCE} (signed in, next to no work)`, reference, baseline),
      { name: 'bare Express baseline: p95 latency', value: round(percentile(baseline, 95), 1), unit: 'ms' },
      { name: 'machine load average (1 min) before the requests', value: round(machineLoad, 2), unit: 'runnable' },
    );
    return rows;
  } finally {
    for (const child of children.reverse()) await child.stop();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch(() => undefined);
    await rm(uploadDir, { recursive: true, force: true });
  }
}
