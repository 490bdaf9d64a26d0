import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import type * as Core from '../../src/core.module';
import type * as Notifications from '../../src/notifications/notifications.module';
import type * as Records from '../../src/sessions/session-records.service';
import type * as Reminders from '../../src/sessions/session-reminders.service';
import { fromDist } from '../lib/built-app';

export interface ReminderScanTimings {
  first: Reminders.ScanResult & { seconds: number };
  /** The same scan again: everything is already in the outbox, so it only reads. */
  repeat: Reminders.ScanResult & { seconds: number };
  /** The bare query: count the (session, enrolled trainee) pairs of the sessions due, nothing more. */
  bare: { seconds: number; pairs: number; sessions: number };
}

/** Runs `fn` with some variables set in process.env (AppConfig reads them when the context is made). */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<T & { seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { ...result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The floor under the scan: how long PostgreSQL takes just to find who is concerned by the sessions due. */
async function bareQuery(databaseUrl: string, scanAt: Date): Promise<ReminderScanTimings['bare']> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await timed(async () => {
      const { rows } = await client.query<{ pairs: string; sessions: string }>(
        `SELECT count(*) AS pairs, count(DISTINCT s.id) AS sessions
           FROM sessions s JOIN enrolments e ON e.cohort_id = s.cohort_id AND e.status = 'enrolled'
          WHERE s.status = 'scheduled' AND s.starts_at > $1::timestamptz + interval '20 hours' AND s.starts_at <= $1::timestamptz + interval '24 hours'`,
        [scanAt],
      );
      return { pairs: Number(rows[0].pairs), sessions: Number(rows[0].sessions) };
    });
  } finally {
    await client.end();
  }
}

/**
 * The worker's reminder scan at `scanAt`, in this process: the built SessionRemindersService in a Nest context
 * of the core and notifications modules alone (no queue workers or schedulers), against the benchmark database and a private
 * Redis prefix.
 */
export async function timeReminderScan(databaseUrl: string, redisPrefix: string, scanAt: Date): Promise<ReminderScanTimings> {
  const { CoreModule } = fromDist<typeof Core>('core.module');
  const { NotificationsModule } = fromDist<typeof Notifications>('notifications/notifications.module');
  const { SessionRemindersService } = fromDist<typeof Reminders>('sessions/session-reminders.service');
  const { SessionRecords } = fromDist<typeof Records>('sessions/session-records.service');

  @Module({ imports: [CoreModule, NotificationsModule], providers: [SessionRemindersService, SessionRecords] })
  class ReminderScanModule {}

  const context = await withEnv(
    { DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix, LOG_LEVEL: 'warn', DATABASE_MIGRATE_ON_START: 'false' },
    () => NestFactory.createApplicationContext(ReminderScanModule, { logger: ['error', 'warn'] }),
  );
  try {
    const reminders = context.get(SessionRemindersService);
    const bare = await bareQuery(databaseUrl, scanAt);
    const first = await timed(() => reminders.scan(scanAt));
    const repeat = await timed(() => reminders.scan(scanAt));
    return { first, repeat, bare };
  } finally {
    await context.close();
  }
}
