import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type * as Migrate from '../src/database/migrate';
import { FULL_SIZE, loadReports, type LoadedReports } from './reports/data';
import { fromDist } from './lib/built-app';
import { freshDatabase } from './lib/database';
import { getOk, logIn, sequentialLatencies as latencies } from './lib/http';
import { ROOT, startBaseline, startWeb, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { percentile, round } from './lib/stats';
import { benchWebEnv } from './lib/web-env';

/**
 * Issue "Reports", its benchmark: with 10,000 trainees, 500 cohorts, 20,000 sessions and 100,000 submissions
 * loaded, a cohort's attendance matrix (API and page) one request after another, against the bare Express
 * baseline and a signed-in request that does next to nothing, measured in the same run (target p95 < 200 ms); the
 * programme's indicators and funnel page (every indicator of the programme counted over all 10,000 enrolments, and
 * its funnel) and their API (target p95 < 500 ms); and an export of 100,000 rows as XLSX streamed to a file, by the
 * platform's writer and by exceljs alone, each in a process of its own (targets: under 10 s, memory growth under
 * 100 MB).
 */
const REQUESTS = 200;
/** The programme's reports read every enrolment of the programme: fewer rounds. */
const PROGRAMME_REQUESTS = 60;
const TARGET_P95_MS = 200;
const TARGET_PROGRAMME_P95_MS = 500;
const EXPORT_ROWS = 100_000;
const TARGET_EXPORT_SECONDS = 10;
const TARGET_EXPORT_MB = 100;
const DATABASE = 'kursors_bench_reports';
const REFERENCE_PATH = '/api/v1/me';

const run$ = promisify(execFile);
const log = (message: string) => process.stdout.write(`reports: ${message}\n`);

function latencyRows(label: string, times: number[], baseline: number[], target?: number): BenchRow[] {
  const p95 = round(percentile(times, 95), 1);
  const base95 = round(percentile(baseline, 95), 1);
  return [
    {
      name: `${label}: p95 latency`,
      value: p95,
      unit: 'ms',
      baseline: base95,
      ratio: round(p95 / base95, 1),
      ...(target ? { target: `< ${target} ms`, pass: p95 < target } : {}),
    },
    { name: `${label}: p50 latency`, value: round(percentile(times, 50), 1), unit: 'ms', baseline: round(percentile(baseline, 50), 1) },
  ];
}

interface ExportRun {
  seconds: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  bytes: number;
}

async function exportRun(mode: 'kursors' | 'bare'): Promise<ExportRun> {
  const { stdout } = await run$(process.execPath, ['--expose-gc', join(ROOT, 'bench', 'reports', 'xlsx-export.js'), mode], {
    cwd: ROOT,
    env: { ...process.env, BENCH_EXPORT_ROWS: String(EXPORT_ROWS) },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ExportRun;
}

async function caller(web: Child, data: LoadedReports) {
  const who = {
    page: { cookie: await logIn(web.url, data.instructor.email, data.instructor.password) },
    api: { authorization: `Bearer ${data.instructor.apiToken}` },
    adminPage: { cookie: await logIn(web.url, data.admin.email, data.admin.password) },
    adminApi: { authorization: `Bearer ${data.admin.apiToken}` },
  };
  const report = JSON.parse(await getOk(`${web.url}/api/v1/cohorts/${data.cohortId}/reports/attendance`, who.api)) as {
    trainees: unknown[];
    sessions: unknown[];
  };
  if (report.trainees.length !== FULL_SIZE.traineesPerCohort || report.sessions.length !== FULL_SIZE.heldPerCohort)
    throw new Error(`The matrix shows ${report.trainees.length} × ${report.sessions.length}, not the cohort's`);
  const funnel = JSON.parse(await getOk(`${web.url}/api/v1/programmes/${data.programmeId}/reports/funnel`, who.adminApi)) as {
    stages: { reached: number }[];
  };
  const indicators = JSON.parse(await getOk(`${web.url}/api/v1/programmes/${data.programmeId}/reports/indicators`, who.adminApi)) as {
    items: { metric: string; value: number }[];
  };
  log(
    `the programme's funnel: ${funnel.stages.map((s) => s.reached).join(' → ')}; indicators: ${indicators.items
      .map((i) => `${i.metric} ${i.value}`)
      .join(', ')}`,
  );
  if (funnel.stages[0].reached < FULL_SIZE.cohorts * (FULL_SIZE.traineesPerCohort - 1))
    throw new Error(`The funnel counts ${funnel.stages[0].reached} enrolled, not the programme's`);
  return who;
}

export async function run(): Promise<BenchRow[]> {
  const uploadDir = await mkdtemp(join(tmpdir(), 'kursors-bench-uploads-'));
  const children: Child[] = [];
  try {
    const url = await freshDatabase(DATABASE);
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    log('loading 10,000 trainees, 500 cohorts, 20,000 sessions, 100,000 submissions');
    const data = await loadReports(url, FULL_SIZE);
    log(
      `${Object.entries(data.counts)
        .map(([table, n]) => `${n} ${table}`)
        .join(', ')} in ${round(data.seconds)} s`,
    );

    const baselineServer = await startBaseline();
    children.push(baselineServer);
    const web = await startWeb(benchWebEnv(url, uploadDir, { LOGIN_MAX_PER_ACCOUNT: '1000', LOGIN_MAX_PER_ADDRESS: '1000' }));
    children.push(web);
    const who = await caller(web, data);
    const machineLoad = loadavg()[0];
    log(`${REQUESTS} requests one after another to each; machine load average ${round(machineLoad, 2)}`);
    const baseline = await latencies(`${baselineServer.url}/`, {}, REQUESTS);
    const reference = await latencies(`${web.url}${REFERENCE_PATH}`, who.api, REQUESTS);
    const api = await latencies(`${web.url}/api/v1/cohorts/${data.cohortId}/reports/attendance`, who.api, REQUESTS);
    const page = await latencies(`${web.url}/cohorts/${data.cohortId}/reports/attendance`, who.page, REQUESTS);
    const programmePage = await latencies(`${web.url}/admin/programmes/${data.programmeId}/reports`, who.adminPage, PROGRAMME_REQUESTS);
    const indicatorsApi = await latencies(
      `${web.url}/api/v1/programmes/${data.programmeId}/reports/indicators`,
      who.adminApi,
      PROGRAMME_REQUESTS,
    );
    const funnelApi = await latencies(`${web.url}/api/v1/programmes/${data.programmeId}/reports/funnel`, who.adminApi, PROGRAMME_REQUESTS);
    const partFunnelPage = await latencies(`${web.url}/admin/parts/${data.partId}/reports/funnel`, who.adminPage, PROGRAMME_REQUESTS);
    const programmeLoad = loadavg()[0];
    for (const child of children.splice(0).reverse()) await child.stop();

    log(`exporting ${EXPORT_ROWS} rows as XLSX: exceljs alone, then the platform's writer, each in its own process`);
    const bare = await exportRun('bare');
    const kursors = await exportRun('kursors');
    const exportLoad = loadavg()[0];

    return [
      { name: 'loading the data set (set-based SQL, incl. VACUUM ANALYZE)', value: round(data.seconds, 2), unit: 's' },
      ...latencyRows('API GET /api/v1/cohorts/:id/reports/attendance (20 trainees × 30 sessions)', api, baseline, TARGET_P95_MS),
      ...latencyRows('page GET /cohorts/:id/reports/attendance', page, baseline, TARGET_P95_MS),
      ...latencyRows(`reference: GET ${REFERENCE_PATH} (signed in, next to no work)`, reference, baseline),
      ...latencyRows(
        'page GET /admin/programmes/:id/reports (8 indicators over 10,000 enrolments, the funnel)',
        programmePage,
        baseline,
        TARGET_PROGRAMME_P95_MS,
      ),
      ...latencyRows('API GET /api/v1/programmes/:id/reports/indicators', indicatorsApi, baseline, TARGET_PROGRAMME_P95_MS),
      ...latencyRows('API GET /api/v1/programmes/:id/reports/funnel', funnelApi, baseline, TARGET_PROGRAMME_P95_MS),
      ...latencyRows(
        'page GET /admin/parts/:id/reports/funnel (2,000 enrolments, its 100 cohorts)',
        partFunnelPage,
        baseline,
        TARGET_PROGRAMME_P95_MS,
      ),
      { name: 'bare Express baseline: p95 latency', value: round(percentile(baseline, 95), 1), unit: 'ms' },
      {
        name: `XLSX export of ${EXPORT_ROWS} rows × 7 columns, streamed: time`,
        value: round(kursors.seconds, 2),
        unit: 's',
        baseline: round(bare.seconds, 2),
        ratio: round(kursors.seconds / bare.seconds, 2),
        target: `< ${TARGET_EXPORT_SECONDS} s`,
        pass: kursors.seconds < TARGET_EXPORT_SECONDS,
      },
      {
        name: 'XLSX export: peak memory growth (RSS)',
        value: kursors.rssGrowthMb,
        unit: 'MB',
        baseline: bare.rssGrowthMb,
        target: `< ${TARGET_EXPORT_MB} MB`,
        pass: kursors.rssGrowthMb < TARGET_EXPORT_MB,
      },
      { name: 'XLSX export: peak heap growth', value: kursors.heapGrowthMb, unit: 'MB', baseline: bare.heapGrowthMb },
      { name: 'XLSX export: file size', value: round(kursors.bytes / 2 ** 20, 2), unit: 'MB', baseline: round(bare.bytes / 2 ** 20, 2) },
      { name: 'machine load average (1 min) before the requests', value: round(machineLoad, 2), unit: 'runnable' },
      { name: "machine load average (1 min) after the programme's reports", value: round(programmeLoad, 2), unit: 'runnable' },
      { name: 'machine load average (1 min) after the exports', value: round(exportLoad, 2), unit: 'runnable' },
    ];
  } finally {
    for (const child of children.reverse()) await child.stop();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch(() => undefined);
    await rm(uploadDir, { recursive: true, force: true });
  }
}
