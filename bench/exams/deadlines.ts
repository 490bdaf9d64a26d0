import { Queue } from 'bullmq';
import { Client } from 'pg';
import type * as ExamsConstants from '../../src/exams/exams.constants';
import type * as RedisKeys from '../../src/redis/redis-keys';
import { fromDist } from '../lib/built-app';
import { cpuMs, postgresCpuMs } from '../lib/cpu';
import type { Child } from '../lib/processes';
import { setDeadlines } from './data';

export interface DeadlineRun {
  attempts: number;
  /** The instant every attempt became due: the shared deadline plus the grace. */
  dueAt: Date;
  /** From dueAt until every attempt was seen submitted and marked (polled every POLL_MS). */
  seconds: number;
  submittedAndMarked: number;
  /** Attempts with other than exactly one submission event (timeout or submit). */
  notOnce: number;
  /** Submission events over all the attempts (one each when none was submitted twice). */
  submissionEvents: number;
  /** Items of the attempts still unmarked after the run. */
  itemsUnmarked: number;
  results: number;
  workerCpuMsPerAttempt?: number;
  databaseCpuMsPerAttempt?: number;
}

const POLL_MS = 100;

/**
 * Queues each attempt's timed job exactly as the platform does when an attempt starts (ExamAttemptsService.start:
 * job id the attempt's id, delayed until its deadline plus the grace), so the worker's own timer submits it.
 */
async function queueDeadlineJobs(redisPrefix: string, attemptIds: string[], closesAt: Date): Promise<void> {
  const { EXAM_DEADLINE_QUEUE } = fromDist<typeof ExamsConstants>('exams/exams.constants');
  const queue = new Queue(EXAM_DEADLINE_QUEUE, {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', maxRetriesPerRequest: null },
    prefix: fromDist<typeof RedisKeys>('redis/redis-keys').bullPrefix(redisPrefix),
  });
  try {
    const delay = Math.max(0, closesAt.getTime() - Date.now());
    await queue.addBulk(
      attemptIds.map((attemptId) => ({
        name: 'submit',
        data: { attemptId },
        opts: { jobId: attemptId, delay, removeOnComplete: true, removeOnFail: 1000 },
      })),
    );
  } finally {
    await queue.close();
  }
}

const STATE_SQL = `
  SELECT count(*) FILTER (WHERE a.status = 'submitted' AND (a.score IS NOT NULL OR a.needs_marking)) AS done
    FROM exam_attempts a WHERE a.id = ANY($1::uuid[])`;

const CHECK_SQL = `
  WITH events AS (
    SELECT a.id, count(ev.id) AS n
      FROM exam_attempts a LEFT JOIN exam_attempt_events ev ON ev.attempt_id = a.id AND ev.kind IN ('timeout', 'submit')
     WHERE a.id = ANY($1::uuid[]) GROUP BY a.id)
  SELECT (SELECT count(*) FROM events WHERE n <> 1) AS not_once,
         (SELECT coalesce(sum(n), 0) FROM events) AS submission_events,
         (SELECT count(*) FROM exam_attempt_items WHERE attempt_id = ANY($1::uuid[]) AND mark_state = 'unanswered') AS items_unmarked,
         (SELECT count(*) FROM exam_results r JOIN exam_attempts a ON a.id = r.attempt_id WHERE a.id = ANY($1::uuid[])) AS results`;

/**
 * Sets the deadlines of all the 'deadlines' attempts to one second a few seconds ahead, queues their timed
 * jobs, and times the running worker (its timed jobs and its sweeper, which races them) until every attempt is
 * submitted and marked; then checks that none was submitted twice. `settleMs` later the check is made again,
 * after the sweeper has had another turn.
 */
export async function timeDeadlines(
  databaseUrl: string,
  options: { trainees: number; graceSeconds: number; redisPrefix: string; worker: Child; leadSeconds?: number; settleMs?: number },
): Promise<DeadlineRun> {
  const deadline = new Date(Math.ceil(Date.now() / 1000) * 1000 + (options.leadSeconds ?? 5) * 1000);
  const ids = await setDeadlines(databaseUrl, options.trainees, deadline);
  const dueAt = new Date(deadline.getTime() + options.graceSeconds * 1000);
  await queueDeadlineJobs(options.redisPrefix, ids, dueAt);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pids = options.worker.process.pid ? [options.worker.process.pid] : [];
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt.getTime() - Date.now() - 200)));
    const before = { worker: cpuMs(pids), database: postgresCpuMs() };
    let done = 0;
    const giveUpAt = dueAt.getTime() + 120_000;
    for (;;) {
      done = Number((await client.query<{ done: string }>(STATE_SQL, [ids])).rows[0].done);
      if (done >= ids.length || Date.now() > giveUpAt) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const seconds = (Date.now() - dueAt.getTime()) / 1000;
    const after = { worker: cpuMs(pids), database: postgresCpuMs() };
    await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 0));
    const check = (await client.query<Record<string, string>>(CHECK_SQL, [ids])).rows[0];
    const per = (from?: number, to?: number) => (from === undefined || to === undefined ? undefined : (to - from) / ids.length);
    return {
      attempts: ids.length,
      dueAt,
      seconds,
      submittedAndMarked: done,
      notOnce: Number(check.not_once),
      submissionEvents: Number(check.submission_events),
      itemsUnmarked: Number(check.items_unmarked),
      results: Number(check.results),
      workerCpuMsPerAttempt: per(before.worker, after.worker),
      databaseCpuMsPerAttempt: per(before.database, after.database),
    };
  } finally {
    await client.end();
  }
}
