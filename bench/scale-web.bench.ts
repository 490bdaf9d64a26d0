import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoadBalancer, type LoadBalancer } from '../test/support/load-balancer';
import type * as Migrate from '../src/database/migrate';
import { fromDist } from './lib/built-app';
import { cpuMs, postgresCpuMs } from './lib/cpu';
import { freshDatabase } from './lib/database';
import { getOk } from './lib/http';
import { load, warmUp, type LoadResult } from './lib/load';
import { startWeb, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { round } from './lib/stats';
import { benchWebEnv } from './lib/web-env';
import { FULL_SIZE, loadSchedule, smallerSize } from './schedule/data';

/**
 * Issue 13, "Benchmark in bench/": the schedule API (`GET /api/v1/me/sessions`, the schedule benchmark's data and
 * trainee) through HAProxy (deploy/haproxy.cfg) in front of two web processes, against one web process asked
 * directly, on the same machine in the same run. On two cores it cannot double: the ratio shows what the balancer's
 * hop and the second process cost or give. BENCH_SCALE_WEB_DIVISOR loads 1/N of the data; BENCH_SCALE_WEB_SECONDS
 * sets each load run's length (a smoke run).
 */
const CONNECTIONS = 20;
const DURATION_SECONDS = Number(process.env.BENCH_SCALE_WEB_SECONDS ?? 10);
const DIVISOR = Number(process.env.BENCH_SCALE_WEB_DIVISOR ?? 1);
const API_PATH = '/api/v1/me/sessions';

const log = (message: string) => process.stdout.write(`scale-web: ${message}\n`);

interface Measured extends LoadResult {
  /** CPU milliseconds per request of the web processes, of HAProxy, and of PostgreSQL. */
  webCpuMs?: number;
  balancerCpuMs?: number;
  databaseCpuMs?: number;
}

/** A warm-up, then a timed run at CONNECTIONS with the CPU of each party read around it. */
async function measure(url: string, headers: Record<string, string>, webPids: number[], balancerPid?: number): Promise<Measured> {
  await warmUp(url, headers);
  const cpu = () => ({
    web: cpuMs(webPids),
    balancer: balancerPid ? cpuMs([balancerPid]) : undefined,
    database: postgresCpuMs(),
  });
  const before = cpu();
  const result = await load(url, { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, headers });
  const after = cpu();
  const per = (from?: number, to?: number) =>
    from === undefined || to === undefined || !result.requests ? undefined : round((to - from) / result.requests, 2);
  return {
    ...result,
    webCpuMs: per(before.web, after.web),
    balancerCpuMs: per(before.balancer, after.balancer),
    databaseCpuMs: per(before.database, after.database),
  };
}

/** Waits until HAProxy has both servers up (a busy machine may have them pass their first checks slowly). */
async function bothUp(balancer: LoadBalancer, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await balancer.states();
    if (Object.values(states).every((state) => state === 'UP')) return;
    if (Date.now() > deadline) throw new Error(`HAProxy does not have both servers up: ${JSON.stringify(states)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function rows(direct: Measured, balanced: Measured, machineLoad: number): BenchRow[] {
  const failed = (m: Measured) => m.non2xx + m.errors;
  const cpu = (name: string, value: number | undefined, baseline?: number): BenchRow[] =>
    value === undefined ? [] : [{ name, value, unit: 'ms', baseline, ratio: baseline ? round(value / baseline, 2) : undefined }];
  return [
    {
      name: `API GET ${API_PATH} through HAProxy to two web processes: throughput (baseline: one web process directly)`,
      value: balanced.requestsPerSecond,
      unit: 'req/s',
      baseline: direct.requestsPerSecond,
      ratio: round(balanced.requestsPerSecond / direct.requestsPerSecond, 3),
    },
    { name: 'through HAProxy: p95 latency (baseline: directly)', value: balanced.p95Ms, unit: 'ms', baseline: direct.p95Ms },
    { name: 'through HAProxy: p50 latency (baseline: directly)', value: balanced.p50Ms, unit: 'ms', baseline: direct.p50Ms },
    ...cpu('through HAProxy: web CPU per request, both processes (baseline: directly)', balanced.webCpuMs, direct.webCpuMs),
    ...cpu('through HAProxy: HAProxy CPU per request', balanced.balancerCpuMs),
    ...cpu('through HAProxy: PostgreSQL CPU per request (baseline: directly)', balanced.databaseCpuMs, direct.databaseCpuMs),
    {
      name: 'non-2xx or failed responses (through HAProxy / directly)',
      value: failed(balanced),
      unit: 'responses',
      baseline: failed(direct),
      target: '0',
      pass: failed(balanced) + failed(direct) === 0,
    },
    { name: 'machine load average (1 min) before the load runs', value: round(machineLoad, 2), unit: 'runnable' },
  ];
}

export async function run(): Promise<BenchRow[]> {
  const uploadDir = await mkdtemp(join(tmpdir(), 'kursors-bench-uploads-'));
  const webs: Child[] = [];
  let balancer: LoadBalancer | undefined;
  try {
    const size = DIVISOR > 1 ? smallerSize(DIVISOR) : FULL_SIZE;
    log(`loading ${size.trainees} trainees, ${size.cohorts} cohorts, ${size.sessions} sessions`);
    const url = await freshDatabase('kursors_bench_scale_web');
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    const { trainee } = await loadSchedule(url, size);
    const env = benchWebEnv(url, uploadDir, { TRUST_PROXY: 'true' });
    for (let i = 0; i < 2; i++) webs.push(await startWeb(env));
    balancer = await startLoadBalancer(webs.map((web, i) => ({ name: `web-${i + 1}`, port: Number(new URL(web.url).port) })));
    const headers = { authorization: `Bearer ${trainee.apiToken}` };
    for (const base of [webs[0].url, balancer.url]) {
      const listed = JSON.parse(await getOk(`${base}${API_PATH}`, headers)) as { items: unknown[] };
      if (listed.items.length < 25) throw new Error(`${base}${API_PATH} listed ${listed.items.length} sessions; a full page is expected`);
    }
    await bothUp(balancer);

    const pids = webs.map((web) => web.process.pid!).filter(Boolean);
    const machineLoad = loadavg()[0];
    log(
      `load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each (one web process directly, then two through HAProxy); machine load average ${round(machineLoad, 2)}`,
    );
    const direct = await measure(`${webs[0].url}${API_PATH}`, headers, pids.slice(0, 1));
    const balanced = await measure(`${balancer.url}${API_PATH}`, headers, pids, balancer.pid);
    return rows(direct, balanced, machineLoad);
  } finally {
    await balancer?.stop();
    for (const web of webs) await web.stop();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch((error: unknown) =>
      log(`could not remove Redis keys under ${BENCH_REDIS_PREFIX}: ${String(error)}`),
    );
    await rm(uploadDir, { recursive: true, force: true });
  }
}
