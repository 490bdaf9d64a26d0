import type autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Migrate from '../src/database/migrate';
import type * as Codes from '../src/certificates/verification-code';
import { fromDist } from './lib/built-app';
import { freshDatabase } from './lib/database';
import { getOk } from './lib/http';
import { measureLoad, withCountedWeb, type Measured } from './lib/measure';
import { startBaseline, startWeb, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { round } from './lib/stats';
import { benchWebEnv } from './lib/web-env';
import { CERTIFICATES, loadCertificates } from './verification/data';

/**
 * Issue 11's verification target: the public page GET /verify/:code at 20 connections, against a bare Express server
 * running the same SQL and rendering the same page (bench/verification/same-page-server.js), and the API's JSON
 * against the same statement answered bare. Each request asks for another of 1,000 certificates among 22,000 (valid,
 * revoked, replaced, reissued), as a visitor with no session. The platform counts each check against the
 * address's rate limit, so that is raised out of the way; the Redis round trip stays in what is measured.
 */
const CONNECTIONS = 20;
const DURATION_SECONDS = 10;
const TARGET = { share: 0.85, p95Ms: 100 };

const log = (message: string) => process.stdout.write(`verification: ${message}\n`);

/** A fresh request for each sending, cycling through the codes, as the page links them (grouped). */
function rotating(prefix: string, codes: string[]): autocannon.Request[] {
  const { groupCode } = fromDist<typeof Codes>('certificates/verification-code');
  let next = 0;
  return [{ setupRequest: (request) => ({ ...request, path: `${prefix}${groupCode(codes[next++ % codes.length])}` }) }];
}

function compared(label: string, result: Measured, reference: Measured, referenceName: string): BenchRow[] {
  const ratio = result.requestsPerSecond / reference.requestsPerSecond;
  const failed = result.non2xx + result.errors;
  return [
    {
      name: `${label}: throughput (baseline: ${referenceName})`,
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: reference.requestsPerSecond,
      ratio: round(ratio, 3),
      target: `>= ${TARGET.share * 100} % of baseline`,
      pass: ratio >= TARGET.share,
    },
    {
      name: `${label}: p95 latency`,
      value: result.p95Ms,
      unit: 'ms',
      baseline: reference.p95Ms,
      target: `< ${TARGET.p95Ms} ms`,
      pass: result.p95Ms < TARGET.p95Ms,
    },
    { name: `${label}: p50 latency`, value: result.p50Ms, unit: 'ms', baseline: reference.p50Ms },
    { name: `${label}: non-2xx or failed responses`, value: failed, unit: 'responses', target: '0', pass: failed === 0 },
    ...(result.serverCpuMs === undefined
      ? []
      : [{ name: `${label}: web process CPU per request`, value: result.serverCpuMs, unit: 'ms', baseline: reference.serverCpuMs }]),
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
    const url = await freshDatabase('kursors_bench_verification');
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    const data = await loadCertificates(url);
    log(`loaded ${CERTIFICATES} certificates and their reissues in ${round(data.seconds)} s`);
    const env = (databaseUrl: string) => benchWebEnv(databaseUrl, uploadDir, { VERIFY_MAX_PER_ADDRESS: '100000000' });

    const statements = await withCountedWeb(url, env, async (web, count) => {
      const before = count();
      for (const code of data.codes.slice(0, 100)) await getOk(`${web.url}/verify/${code}`, {});
      return round((count() - before) / 100, 2);
    });

    const reference = await start(startBaseline('verification/same-page-server.js', { DATABASE_URL: url }));
    const web = await start(startWeb(env(url)));
    const [sample] = data.codes;
    const [platformPage, referencePage] = await Promise.all([
      getOk(`${web.url}/verify/${sample}`, {}),
      getOk(`${reference.url}/verify/${sample}`, {}),
    ]);
    for (const page of [platformPage, referencePage])
      if (!page.includes('<dl class="summary">')) throw new Error('a verification page does not show the certificate');

    const machineLoad = loadavg()[0];
    log(
      `load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each (reference page, page, reference API, API); load average ${round(machineLoad, 2)}`,
    );
    const measure = (server: Child, prefix: string) =>
      measureLoad(`${server.url}${prefix}${sample}`, {
        connections: CONNECTIONS,
        durationSeconds: DURATION_SECONDS,
        server,
        requests: rotating(prefix, data.codes),
        databaseUrl: url,
      });
    const samePage = await measure(reference, '/verify/');
    const page = await measure(web, '/verify/');
    const sameSql = await measure(reference, '/api/v1/verify/');
    const api = await measure(web, '/api/v1/verify/');
    return [
      ...compared('page GET /verify/:code', page, samePage, 'same SQL and page in bare Express'),
      ...compared('API GET /api/v1/verify/:code', api, sameSql, 'same SQL in bare Express'),
      { name: 'bare Express, same SQL and page: throughput', value: samePage.requestsPerSecond, unit: 'req/s' },
      { name: 'bare Express, same SQL as JSON: throughput', value: sameSql.requestsPerSecond, unit: 'req/s' },
      {
        name: 'page GET /verify/:code: SQL statements per request',
        value: statements,
        unit: 'queries',
        target: '1',
        pass: statements === 1,
      },
      { name: 'machine load average (1 min) before the load runs', value: round(machineLoad, 2), unit: 'runnable' },
    ];
  } finally {
    for (const child of [...children].reverse()) await child.stop();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch((error: unknown) => log(`could not remove Redis keys: ${String(error)}`));
    await rm(uploadDir, { recursive: true, force: true });
  }
}
