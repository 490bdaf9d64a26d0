import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';
import type * as Migrate from '../src/database/migrate';
import type * as Mailer from '../src/notifications/mailer';
import type { OutboxMessage } from '../src/notifications/outbox-message.entity';
import type * as RedisKeys from '../src/redis/redis-keys';
import type * as Reminders from '../src/sessions/session-reminders.processor';
import { fromDist } from './lib/built-app';
import { cpuMs, postgresCpuMs } from './lib/cpu';
import { freshDatabase } from './lib/database';
import { startWorker, type Child } from './lib/processes';
import { startSqlCounter, type SqlCounter } from './lib/sql-counter';
import { BENCH_REDIS_PREFIX, deletePrefixedKeys } from './lib/redis';
import type { BenchRow } from './lib/report';
import { startSmtpSink, type SmtpSink } from './lib/smtp-sink';
import { round } from './lib/stats';
import { benchWebEnv } from './lib/web-env';
import { loadFanout, outboxEmails, type OutboxEmail } from './reminder-fanout/data';

/**
 * Issue 13, "Benchmark in bench/": 10,000 session reminders fanned out by two workers to a local SMTP sink, from the
 * reminder scan's job to the last email at the sink, against a bare nodemailer loop sending the same messages to
 * the same sink in the same run, as many at a time as the two workers send (two pooled transports, five each).
 * BENCH_REMINDERS sets another count (a smoke run); BENCH_COUNT_SQL=1 puts a statement counter between the workers and
 * PostgreSQL (it costs the benchmark's process a little) and reports the statements per email.
 */
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
const WORKERS = 2;
/** EmailDeliveryProcessor's concurrency, and the pooled transport's connections, per worker. */
const SENDS_PER_WORKER = 5;
const TARGETS = { seconds: 30, share: 0.5 };
const MAIL_FROM = 'Kursors <kursors@localhost>';

const log = (message: string) => process.stdout.write(`reminder-fanout: ${message}\n`);

/** CPU time (user + system) of this process so far, in milliseconds: the sink, and the bare loop's sender. */
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Queues one run of the worker's reminder scan, as its job scheduler does at each tick. */
async function queueScan(): Promise<void> {
  const { SESSION_REMINDERS_QUEUE } = fromDist<typeof Reminders>('sessions/session-reminders.processor');
  const queue = new Queue(SESSION_REMINDERS_QUEUE, {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', maxRetriesPerRequest: null },
    prefix: fromDist<typeof RedisKeys>('redis/redis-keys').bullPrefix(BENCH_REDIS_PREFIX),
  });
  try {
    await queue.add('scan', {}, { removeOnComplete: true, removeOnFail: 100 });
  } finally {
    await queue.close();
  }
}

/** The same messages through nodemailer alone: one pooled transport per worker, each sending five at a time. */
async function bareLoop(sink: SmtpSink, emails: OutboxEmail[]): Promise<{ seconds: number; cpuMs: number }> {
  const { mailOptions } = fromDist<typeof Mailer>('notifications/mailer');
  const transports = Array.from({ length: WORKERS }, () => createTransport({ url: sink.url, pool: true }));
  let next = 0;
  const started = Date.now();
  const cpuBefore = ownCpuMs();
  try {
    await Promise.all(
      transports.flatMap((transport) =>
        Array.from({ length: SENDS_PER_WORKER }, async () => {
          while (next < emails.length) await transport.sendMail(mailOptions(emails[next++] as OutboxMessage, MAIL_FROM));
        }),
      ),
    );
    await sink.waitFor(emails.length, 5_000);
    return { seconds: (sink.lastAt - started) / 1000, cpuMs: ownCpuMs() - cpuBefore };
  } finally {
    for (const transport of transports) transport.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const uploadDir = await mkdtemp(join(tmpdir(), 'kursors-bench-uploads-'));
  const sink = await startSmtpSink();
  const workers: Child[] = [];
  let counter: SqlCounter | undefined;
  try {
    const url = await freshDatabase('kursors_bench_reminder_fanout');
    await fromDist<typeof Migrate>('database/migrate').runMigrations({ DATABASE_URL: url });
    // The scan runs only when queued here, and the sweeper stays out of the way of the first delivery.
    if (process.env.BENCH_COUNT_SQL === '1') counter = await startSqlCounter(url);
    const env = benchWebEnv(counter?.url ?? url, uploadDir, {
      SMTP_URL: sink.url,
      MAIL_FROM,
      REMINDER_SCAN_MINUTES: '1440',
      OUTBOX_SWEEP_SECONDS: '600',
    });
    for (let i = 0; i < WORKERS; i++) workers.push(await startWorker(env));
    log(`loading ${REMINDERS} trainees in cohorts of 20, each cohort with a class due for its 24-hour reminder`);
    await loadFanout(url, REMINDERS);
    sink.reset();

    const machineLoad = loadavg()[0];
    log(`${REMINDERS} reminders, ${WORKERS} workers; machine load average ${round(machineLoad, 2)}`);
    const pids = workers.map((w) => w.process.pid!).filter(Boolean);
    const before = { workers: cpuMs(pids), database: postgresCpuMs(), sink: ownCpuMs(), statements: counter?.statements() };
    const queuedAt = Date.now();
    await queueScan();
    await sink.waitFor(REMINDERS, 300_000);
    const platformSeconds = (sink.lastAt - queuedAt) / 1000;
    const deliverySeconds = (sink.lastAt - sink.firstAt) / 1000;
    const after = { workers: cpuMs(pids), database: postgresCpuMs(), sink: ownCpuMs(), statements: counter?.statements() };
    // Nothing more may come: give a duplicate time to arrive.
    await new Promise((r) => setTimeout(r, 2_000));
    const arrived = sink.count;
    const twice = [...sink.copies.values()].filter((n) => n > 1).length;
    for (const worker of workers.splice(0)) await worker.stop();

    const emails = await outboxEmails(url);
    const sent = emails.filter((e) => e.status === 'sent').length;
    sink.reset();
    log(`bare nodemailer loop over the same ${emails.length} messages`);
    const bare = await bareLoop(sink, emails);
    const bareSeconds = bare.seconds;

    const share = bareSeconds / platformSeconds;
    const per = (from?: number, to?: number) => (from === undefined || to === undefined ? undefined : round((to - from) / REMINDERS, 3));
    const workerCpu = per(before.workers, after.workers);
    const databaseCpu = per(before.database, after.database);
    const statements = per(before.statements, after.statements);
    return [
      {
        name: `${REMINDERS} reminders, ${WORKERS} workers: from the scan's job to the last email at the sink`,
        value: round(platformSeconds, 2),
        unit: 's',
        target: `<= ${TARGETS.seconds} s`,
        pass: platformSeconds <= TARGETS.seconds && arrived === REMINDERS,
      },
      {
        name: 'throughput, scan included (baseline: bare nodemailer loop, same messages and sink, 10 at a time)',
        value: round(REMINDERS / platformSeconds),
        unit: 'emails/s',
        baseline: round(emails.length / bareSeconds),
        ratio: round(share, 3),
        target: `>= ${TARGETS.share * 100} % of baseline`,
        pass: share >= TARGETS.share,
      },
      {
        name: 'delivery alone: first to last email at the sink (baseline: the bare loop)',
        value: round(deliverySeconds, 2),
        unit: 's',
        baseline: round(bareSeconds, 2),
        ratio: round(bareSeconds / deliverySeconds, 3),
      },
      { name: 'emails at the sink', value: arrived, unit: 'emails', baseline: REMINDERS, target: 'all', pass: arrived === REMINDERS },
      { name: 'outbox rows marked sent', value: sent, unit: 'emails', baseline: REMINDERS, target: 'all', pass: sent === REMINDERS },
      { name: 'emails that arrived more than once', value: twice, unit: 'emails', target: '0', pass: twice === 0 },
      ...(workerCpu === undefined ? [] : [{ name: 'workers: CPU per email (both)', value: workerCpu, unit: 'ms' }]),
      ...(databaseCpu === undefined ? [] : [{ name: 'PostgreSQL: CPU per email', value: databaseCpu, unit: 'ms' }]),
      {
        name: "this process's CPU per email: the sink (baseline: the bare loop's sender and the sink)",
        value: round((after.sink - before.sink) / REMINDERS, 3),
        unit: 'ms',
        baseline: round(bare.cpuMs / emails.length, 3),
      },
      ...(statements === undefined ? [] : [{ name: 'SQL statements per email (workers)', value: statements, unit: 'statements' }]),
      { name: 'machine load average (1 min) before the scan', value: round(machineLoad, 2), unit: 'runnable' },
    ];
  } finally {
    for (const worker of workers) await worker.stop();
    await counter?.stop();
    await sink.close();
    await deletePrefixedKeys(BENCH_REDIS_PREFIX).catch((error: unknown) =>
      log(`could not remove Redis keys under ${BENCH_REDIS_PREFIX}: ${String(error)}`),
    );
    await rm(uploadDir, { recursive: true, force: true });
  }
}
