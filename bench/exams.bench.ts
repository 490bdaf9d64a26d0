import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type * as Migrate from '../src/database/migrate';
import { fromDist } from './lib/built-app';
import { freshDatabase } from './lib/database';
import { measureLoad, withCountedWeb, type Measured } from './lib/measure';
import { startBaseline, startWeb, startWorker, type Child } from './lib/processes';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { startSqlCounter } from './lib/sql-counter';
import { round } from './lib/stats';
import { benchWebEnv } from './lib/web-env';
import { FULL_SIZE, loadExams } from './exams/data';
import { timeDeadlines } from './exams/deadlines';
import { SaveSequence } from './exams/saves';

/**
 * Issue 10, "Benchmark in bench/": answer saves of 1,000 trainees with attempts in progress at 50 connections
 * through the API, against a bare Express server running the same SQL statements in the same run; and 1,000
 * attempts whose deadlines fall in the same second, submitted and marked by the running worker.
 */
const CONNECTIONS = 50;
const DURATION_SECONDS = 10;
const COUNTED_SAVES = 200;
const TARGETS = { share: 0.75, p95Ms: 100, deadlineSeconds: 15 };
/** The worker's settings for the deadline run: a short grace, and a sweeper that races the timed jobs. */
const GRACE_SECONDS = 2;
const SWEEP_SECONDS = 5;

const log = (message: string) => process.stdout.write(`exams: ${message}\n`);

const webEnv = (databaseUrl: string, uploadDir: string) => benchWebEnv(databaseUrl, uploadDir);

/** Count of the save events the platform or the reference logged: one per save that changed an answer. */
async function saveEvents(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM exam_attempt_events WHERE kind = 'save'`)).rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Every token marked used now, so no token's once-a-minute "last used" write falls due among the counted saves
 * however long the run before took (on a busy machine, more than a minute); then, given one, that token's write
 * made due, so the statement counter sees it too.
 */
async function setTokenUse(databaseUrl: string, due?: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('UPDATE api_tokens SET last_used_at = now()');
    if (due)
      await client.query(
        `UPDATE api_tokens SET last_used_at = NULL WHERE prefix = $1 AND token_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex')`,
        [due.slice(0, 10), due],
      );
  } finally {
    await client.end();
  }
}

interface StatementCount {
  perSave: number;
  /** Every statement text sent, the first save's included. */
  texts: Set<string>;
}

/** The secret of the token the next save of the sequence is sent with. */
const nextToken = (saves: SaveSequence) => saves.peek().authorization.slice('Bearer '.length);

/**
 * A server's statements per save, counted on the wire over saves sent one at a time, and the texts it sent: the
 * first save (its token's "last used" write made due) is left out of the count but not out of the texts.
 */
async function countSaves(url: string, saves: SaveSequence, statements: () => number): Promise<number> {
  await saves.sequential(url, 1);
  const before = statements();
  await saves.sequential(url, COUNTED_SAVES);
  return round((statements() - before) / COUNTED_SAVES, 2);
}

async function platformStatements(databaseUrl: string, uploadDir: string, saves: SaveSequence): Promise<StatementCount> {
  await setTokenUse(databaseUrl, nextToken(saves));
  return withCountedWeb(
    databaseUrl,
    (counted) => webEnv(counted, uploadDir),
    async (web, statements, texts) => {
      const from = texts().length;
      const perSave = await countSaves(web.url, saves, statements);
      return { perSave, texts: new Set(texts().slice(from)) };
    },
  );
}

/** The reference's statements per save and their texts, counted the same way. */
async function referenceStatements(databaseUrl: string, saves: SaveSequence): Promise<StatementCount> {
  await setTokenUse(databaseUrl, nextToken(saves));
  const counter = await startSqlCounter(databaseUrl, { record: true });
  try {
    const reference = await startBaseline('exams/same-sql-server.js', { DATABASE_URL: counter.url });
    try {
      const from = counter.texts().length;
      const perSave = await countSaves(reference.url, saves, () => counter.statements());
      return { perSave, texts: new Set(counter.texts().slice(from)) };
    } finally {
      await reference.stop();
    }
  } finally {
    await counter.stop();
  }
}

function saveRows(label: string, result: Measured, reference: Measured, baseline: Measured, written: number): BenchRow[] {
  const ratio = result.requestsPerSecond / reference.requestsPerSecond;
  const failed = result.non2xx + result.errors;
  const rows: BenchRow[] = [
    {
      name: `${label}: throughput (baseline: same SQL in bare Express)`,
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: reference.requestsPerSecond,
      ratio: round(ratio, 3),
      target: `>= ${TARGETS.share * 100} % of baseline`,
      pass: ratio >= TARGETS.share,
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
      baseline: reference.p95Ms,
      target: `< ${TARGETS.p95Ms} ms`,
      pass: result.p95Ms < TARGETS.p95Ms,
    },
    { name: `${label}: p50 latency`, value: result.p50Ms, unit: 'ms', baseline: reference.p50Ms },
    { name: `${label}: non-2xx or failed responses`, value: failed, unit: 'responses', target: '0', pass: failed === 0 },
    {
      name: `${label}: saves logged (each a real write), against 2xx answers of warm-up and run`,
      value: written,
      unit: 'saves',
    },
  ];
  if (result.serverCpuMs !== undefined)
    rows.push({
      name: `${label}: web process CPU per request`,
      value: result.serverCpuMs,
      unit: 'ms',
      baseline: reference.serverCpuMs,
      ratio: reference.serverCpuMs ? round(result.serverCpuMs / reference.serverCpuMs, 2) : undefined,
    });
  if (result.databaseCpuMs !== undefined)
    rows.push({ name: `${label}: PostgreSQL CPU per request`, value: result.databaseCpuMs, unit: 'ms', baseline: reference.databaseCpuMs });
  return rows;
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
    log(`loading ${FULL_SIZE.trainees} trainees with two attempts in progress each, ${FULL_SIZE.itemsPerAttempt} questions an attempt`);
    const url = await freshDatabase('kursors_bench_exams');
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    const data = await loadExams(url, FULL_SIZE);
    log(
      `${Object.entries(data.counts)
        .map(([table, n]) => `${n} ${table}`)
        .join(', ')} in ${round(data.seconds)} s`,
    );
    rows.push({ name: 'loading the data set (set-based SQL, incl. VACUUM ANALYZE)', value: round(data.seconds, 2), unit: 's' });
    const saves = new SaveSequence(data);

    log(`counting SQL statements per save over ${COUNTED_SAVES} saves, the platform's and the reference's`);
    const platform = await platformStatements(url, uploadDir, saves);
    const referenceCount = await referenceStatements(url, saves);
    const notInReference = [...platform.texts].filter((text) => !referenceCount.texts.has(text));
    const notInPlatform = [...referenceCount.texts].filter((text) => !platform.texts.has(text));
    for (const text of notInReference) log(`the platform sent a statement the reference did not: ${text.slice(0, 200)}`);
    for (const text of notInPlatform) log(`the reference sent a statement the platform did not: ${text.slice(0, 200)}`);
    rows.push(
      {
        name: 'answer save: SQL statements per save (baseline: the reference)',
        value: platform.perSave,
        unit: 'queries',
        baseline: referenceCount.perSave,
        target: 'same as the reference',
        pass: platform.perSave === referenceCount.perSave,
      },
      {
        name: 'answer save: statements the platform and the reference do not share',
        value: notInReference.length + notInPlatform.length,
        unit: 'statements',
        target: '0',
        pass: notInReference.length + notInPlatform.length === 0,
      },
    );

    const baselineServer = await start(startBaseline());
    const referenceServer = await start(startBaseline('exams/same-sql-server.js', { DATABASE_URL: url }));
    const web = await start(startWeb(webEnv(url, uploadDir)));
    const machineLoad = loadavg()[0];
    log(
      `load: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each (hello-world, same SQL, platform); machine load average ${round(machineLoad, 2)}`,
    );
    const measure = (target: string, server: Child, requests?: ReturnType<SaveSequence['requests']>) =>
      measureLoad(target, { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, server, requests, databaseUrl: url });
    const baseline = await measure(`${baselineServer.url}/`, baselineServer);
    const eventsBefore = await saveEvents(url);
    const reference = await measure(referenceServer.url, referenceServer, saves.requests());
    const eventsBetween = await saveEvents(url);
    const api = await measure(web.url, web, saves.requests());
    const eventsAfter = await saveEvents(url);
    await stop(web);
    await stop(referenceServer);
    await stop(baselineServer);
    rows.push(
      ...saveRows('answer save PUT /api/v1/attempts/:id/items/:position/response', api, reference, baseline, eventsAfter - eventsBetween),
      {
        name: 'same SQL in bare Express: throughput',
        value: reference.requestsPerSecond,
        unit: 'req/s',
        baseline: baseline.requestsPerSecond,
        ratio: round(reference.requestsPerSecond / baseline.requestsPerSecond, 3),
      },
      { name: 'same SQL in bare Express: p95 latency', value: reference.p95Ms, unit: 'ms' },
      {
        name: 'same SQL in bare Express: non-2xx or failed responses',
        value: reference.non2xx + reference.errors,
        unit: 'responses',
        target: '0',
        pass: reference.non2xx + reference.errors === 0,
      },
      { name: 'same SQL in bare Express: saves logged', value: eventsBetween - eventsBefore, unit: 'saves' },
      { name: 'bare Express hello-world: throughput', value: baseline.requestsPerSecond, unit: 'req/s' },
      { name: 'bare Express hello-world: p95 latency', value: baseline.p95Ms, unit: 'ms' },
      ...(baseline.serverCpuMs === undefined
        ? []
        : [{ name: 'bare Express hello-world: CPU per request', value: baseline.serverCpuMs, unit: 'ms' }]),
      { name: 'machine load average (1 min) before the load runs', value: round(machineLoad, 2), unit: 'runnable' },
    );

    const worker = await start(
      startWorker(benchWebEnv(url, uploadDir, { EXAM_GRACE_SECONDS: String(GRACE_SECONDS), EXAM_SWEEP_SECONDS: String(SWEEP_SECONDS) })),
    );
    const deadlineLoad = loadavg()[0];
    log(
      `${FULL_SIZE.trainees} deadlines in one second, grace ${GRACE_SECONDS} s, sweeper every ${SWEEP_SECONDS} s; machine load average ${round(deadlineLoad, 2)}`,
    );
    const deadlines = await timeDeadlines(url, {
      trainees: FULL_SIZE.trainees,
      graceSeconds: GRACE_SECONDS,
      redisPrefix: BENCH_REDIS_PREFIX,
      worker,
      settleMs: (SWEEP_SECONDS + 1) * 1000,
    });
    await stop(worker);
    rows.push(
      {
        name: `${deadlines.attempts} deadlines in one second: all submitted and marked, from the second they fell due`,
        value: round(deadlines.seconds, 2),
        unit: 's',
        target: `<= ${TARGETS.deadlineSeconds} s`,
        pass: deadlines.submittedAndMarked === deadlines.attempts && deadlines.seconds <= TARGETS.deadlineSeconds,
      },
      {
        name: 'deadlines: attempts submitted and marked',
        value: deadlines.submittedAndMarked,
        unit: 'attempts',
        baseline: deadlines.attempts,
        target: 'all',
        pass: deadlines.submittedAndMarked === deadlines.attempts,
      },
      {
        name: 'deadlines: attempts without exactly one submission event',
        value: deadlines.notOnce,
        unit: 'attempts',
        target: '0',
        pass: deadlines.notOnce === 0,
      },
      {
        name: 'deadlines: submission events',
        value: deadlines.submissionEvents,
        unit: 'events',
        baseline: deadlines.attempts,
        target: 'one per attempt',
        pass: deadlines.submissionEvents === deadlines.attempts,
      },
      {
        name: 'deadlines: items left unmarked',
        value: deadlines.itemsUnmarked,
        unit: 'items',
        target: '0',
        pass: deadlines.itemsUnmarked === 0,
      },
      { name: 'deadlines: results set', value: deadlines.results, unit: 'results', baseline: deadlines.attempts },
      ...(deadlines.workerCpuMsPerAttempt === undefined
        ? []
        : [{ name: 'deadlines: worker CPU per attempt', value: round(deadlines.workerCpuMsPerAttempt, 2), unit: 'ms' }]),
      ...(deadlines.databaseCpuMsPerAttempt === undefined
        ? []
        : [{ name: 'deadlines: PostgreSQL CPU per attempt', value: round(deadlines.databaseCpuMsPerAttempt, 2), unit: 'ms' }]),
      { name: 'machine load average (1 min) before the deadlines', value: round(deadlineLoad, 2), unit: 'runnable' },
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
