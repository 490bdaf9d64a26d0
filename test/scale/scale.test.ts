import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { User } from '../../src/users/user.entity';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import type { Programme } from '../../src/programmes/programme.entity';
import type { Session } from '../../src/sessions/session.entity';
import { rigaDateTimeInputs } from '../../src/i18n/dates';
import { markCompleted } from '../support/completion-factories';
import { createTemplate, uniqueSerialFormat } from '../support/certificate-factories';
import { eventually } from '../support/eventually';
import { createBank, createOnlineExam, SAMPLE_QUESTIONS } from '../support/exam-factories';
import { createAdmin, createApiToken, createTrainee } from '../support/factories';
import { createCohort, createPart, createProgramme, createSession } from '../support/schedule-factories';
import { LOG_DIR, startPlatform, type Platform } from './platform';
import { inParallel, RetryingClient, type Sent } from './retrying-client';

/**
 * The platform as a larger installation runs it, every part a real process: two built web processes behind HAProxy
 * (the repository's deploy/haproxy.cfg), two built workers, a Redis Cluster of three masters, PostgreSQL and an
 * SMTP sink. An administrator and 200 trainees drive it through the balancer with API tokens: enrolments, a session
 * moved (a notice to each of the 200), an exam whose 200 attempts run out in the same second, and a bulk certificate
 * run for all 200. One web process is killed (SIGKILL) in the middle of the enrolments and one worker in the middle of
 * the notices; the exam's deadline and the certificate run are left to the survivors.
 */
const TRAINEES = 200;
/** Requests the client keeps in flight at once. */
const CONCURRENCY = 10;
/** The email delivery concurrency of one worker (EmailDeliveryProcessor): at most this many were being sent at its kill. */
const SENDS_PER_WORKER = 5;
/** The exam closes this long after it is set up: every attempt is started before, and all share that deadline. */
const EXAM_OPEN_MS = 60_000;

interface Trainee {
  user: User;
  token: string;
}

interface World {
  admin: string;
  programme: Programme;
  cohort: Cohort;
  session: Session;
  questionIds: string[];
  trainees: Trainee[];
}

async function seed(p: Platform): Promise<World> {
  const ds = p.dataSource;
  const admin = await createAdmin(ds);
  const programme = await createProgramme(ds);
  const part = await createPart(ds, programme);
  const today = rigaDateTimeInputs(new Date())[0];
  const later = rigaDateTimeInputs(new Date(Date.now() + 90 * 86_400_000))[0];
  const cohort = await createCohort(ds, part, { capacity: TRAINEES + 10, startsOn: today, endsOn: later });
  const session = await createSession(ds, cohort, { startsAt: new Date(Date.now() + 3 * 86_400_000) });
  const { questionIds } = await createBank(
    ds,
    part,
    SAMPLE_QUESTIONS.filter((q) => q.body.kind !== 'essay'),
  );
  const trainees = await inParallel(Array.from({ length: TRAINEES }), CONCURRENCY, async () => {
    const user = await createTrainee(ds);
    return { user, token: (await createApiToken(ds, user)).secret };
  });
  return { admin: (await createApiToken(ds, admin)).secret, programme, cohort, session, questionIds, trainees };
}

const count = async (p: Platform, sql: string, params: unknown[] = []) =>
  Number(((await p.dataSource.query(sql, params)) as { n: string }[])[0].n);

/** Tries of a request that went unanswered, and whether each was under way while the process was being killed. */
function unansweredTries(sent: Sent, kill: { from: number; to: number }) {
  return sent.tries.slice(0, -1).map((t) => ({ ...t, duringKill: t.startedAt <= kill.to && t.endedAt >= kill.from }));
}

describe('two web processes behind HAProxy, two workers, a Redis Cluster: one of each killed mid-way', () => {
  let p: Platform;
  let client: RetryingClient;
  let world: World;
  const webKill = { from: 0, to: 0 };
  let examId: string;
  let closesAt: Date;
  let attemptIds: string[] = [];
  /** What the run saw, kept beside the processes' logs (artifacts/scale/). */
  const summary: Record<string, unknown> = {};

  beforeAll(async () => {
    p = await startPlatform(40);
    client = new RetryingClient(p.lb.url);
    world = await seed(p);
  }, 240_000);
  afterAll(async () => {
    await p?.stop();
    await writeFile(join(LOG_DIR, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`).catch(() => undefined);
  }, 60_000);

  it('enrols 200 trainees through the balancer while a web process is killed; only requests in flight then are sent again', async () => {
    const [web1] = p.webs;
    let answered = 0;
    let killing: Promise<void> | undefined;
    const kill = async () => {
      webKill.from = Date.now();
      await web1.stop('SIGKILL');
      webKill.to = Date.now();
    };
    const sent = await inParallel(world.trainees, CONCURRENCY, async (t) => {
      const result = await client.call('enrol', 'POST', `/api/v1/cohorts/${world.cohort.id}/enrolments`, world.admin, {
        userId: t.user.id,
      });
      if (++answered === TRAINEES / 2) killing = kill();
      return result;
    });
    await killing;

    for (const s of sent) {
      // A request sent again after its first try reached the process (and committed) finds the trainee enrolled.
      const conflict = s.status === 409 && (s.body as { code?: string }).code === 'ALREADY_IN_COHORT' && s.tries.length > 1;
      expect({ status: s.status, conflict }).toEqual(s.status === 201 ? { status: 201, conflict: false } : { status: 409, conflict: true });
      for (const t of unansweredTries(s, webKill)) expect(t).toMatchObject({ duringKill: true });
    }
    const retried = client.retried();
    summary.enrolmentsSentAgain = retried.map((r) => ({ status: r.status, tries: r.tries.map((t) => t.outcome) }));
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(
      await count(p, `SELECT count(DISTINCT user_id) AS n FROM enrolments WHERE cohort_id = $1 AND status = 'enrolled'`, [world.cohort.id]),
    ).toBe(TRAINEES);
    expect(await count(p, `SELECT count(*) AS n FROM enrolments WHERE cohort_id = $1`, [world.cohort.id])).toBe(TRAINEES);
  }, 180_000);

  it('starts 200 exam attempts on the surviving web process, all ending when the exam closes', async () => {
    closesAt = new Date(Math.ceil((Date.now() + EXAM_OPEN_MS) / 1000) * 1000);
    const exam = await createOnlineExam(p.dataSource, world.cohort, world.questionIds, { closesAt, maxPoints: '6.00' });
    examId = exam.id;
    const attempts = await inParallel(world.trainees, CONCURRENCY, async (t) => {
      const started = await client.call('start attempt', 'POST', `/api/v1/exams/${examId}/attempts`, t.token);
      expect(started.status).toBe(201);
      const attempt = started.body as { id: string; deadlineAt: string; items: { position: number; kind: string }[] };
      const single = attempt.items.find((item) => item.kind === 'single')!;
      const saved = await client.call('save answer', 'PUT', `/api/v1/attempts/${attempt.id}/items/${single.position}/response`, t.token, {
        seq: 1,
        response: { kind: 'single', choice: 'a' },
      });
      expect(saved).toMatchObject({ status: 200, body: { saved: true } });
      return attempt;
    });
    attemptIds = attempts.map((a) => a.id);
    expect(new Set(attempts.map((a) => a.deadlineAt))).toEqual(new Set([closesAt.toISOString()]));
    expect(Date.now()).toBeLessThan(closesAt.getTime());
  }, 120_000);

  it('tells all 200 that their session moved while a worker is killed in the middle of sending', async () => {
    const [startDate] = rigaDateTimeInputs(new Date(Date.now() + 5 * 86_400_000));
    const moved = await client.call('move session', 'POST', `/api/v1/sessions/${world.session.id}/move`, world.admin, {
      startDate,
      startTime: '10:00',
      endTime: '13:00',
      reason: 'Telpa aizņemta ar domes sēdi',
    });
    expect(moved.status).toBe(200);
    const notices = new Set(
      (
        (await p.dataSource.query(`SELECT message_id FROM outbox_messages WHERE template LIKE 'session-%'`)) as { message_id: string }[]
      ).map((r) => r.message_id),
    );
    expect(notices.size).toBe(TRAINEES);
    const arrived = () => p.smtp.messages.filter((m) => notices.has(m.messageId!)).length;
    await eventually(() => arrived() >= 40, 60_000, 'the first notices to arrive');
    const [worker1] = p.workers;
    await worker1.stop('SIGKILL');
    summary.noticesArrivedAtWorkerKill = arrived();
    expect(arrived()).toBeLessThan(TRAINEES);
  }, 120_000);

  it('submits every attempt once at the deadline, with the surviving worker', async () => {
    const submitted = () =>
      count(p, `SELECT count(*) AS n FROM exam_attempts WHERE id = ANY($1::uuid[]) AND status = 'submitted' AND score IS NOT NULL`, [
        attemptIds,
      ]);
    await eventually(async () => (await submitted()) === TRAINEES, closesAt.getTime() - Date.now() + 60_000, 'every attempt submitted');
    // The exam sweeper runs every 2 s in the surviving worker; give it turns to do something twice.
    await new Promise((r) => setTimeout(r, 5_000));
    const rows = (await p.dataSource.query(
      `SELECT a.submitted_by, a.submitted_at, a.deadline_at, count(ev.id) AS events
         FROM exam_attempts a LEFT JOIN exam_attempt_events ev ON ev.attempt_id = a.id AND ev.kind IN ('timeout', 'submit')
        WHERE a.exam_id = $1 GROUP BY a.id`,
      [examId],
    )) as { submitted_by: string; submitted_at: Date; deadline_at: Date; events: string }[];
    expect(rows).toHaveLength(TRAINEES);
    for (const row of rows) {
      expect({ by: row.submitted_by, events: Number(row.events) }).toEqual({ by: 'deadline', events: 1 });
      expect(row.deadline_at.getTime()).toBe(closesAt.getTime());
    }
    expect(await count(p, `SELECT count(*) AS n FROM exam_results WHERE exam_id = $1`, [examId])).toBe(TRAINEES);
  }, 180_000);

  it('issues each completed trainee one certificate in a bulk run, from the surviving processes', async () => {
    await createTemplate(p.dataSource, world.programme, { serialFormat: uniqueSerialFormat() });
    const enrolments = (await p.dataSource.query(`SELECT id FROM enrolments WHERE cohort_id = $1`, [world.cohort.id])) as {
      id: string;
    }[];
    for (const e of enrolments) await markCompleted(p.dataSource, e.id);
    const started = await client.call('certificate run', 'POST', `/api/v1/cohorts/${world.cohort.id}/certificate-runs`, world.admin);
    expect(started.status).toBe(202);
    const runId = (started.body as { id: string }).id;
    await eventually(
      async () => {
        const run = await client.call('certificate run progress', 'GET', `/api/v1/certificate-runs/${runId}`, world.admin);
        const progress = run.body as { status: string; done: number; failed: number; left: number };
        return ['done', 'failed'].includes(progress.status) ? progress : undefined;
      },
      120_000,
      'the certificate run to finish',
    ).then((progress) => expect(progress).toMatchObject({ status: 'done', done: TRAINEES, failed: 0, left: 0 }));
    const holders = (await p.dataSource.query(
      `SELECT e.user_id, count(c.id) AS n FROM enrolments e
         JOIN cohorts co ON co.id = e.cohort_id
         LEFT JOIN certificates c ON c.user_id = e.user_id AND c.part_id = co.part_id AND c.status = 'valid'
        WHERE e.cohort_id = $1 GROUP BY e.user_id`,
      [world.cohort.id],
    )) as { n: string }[];
    expect(holders.map((h) => Number(h.n))).toEqual(Array(TRAINEES).fill(1));
  }, 180_000);

  it('sends every email once; a second copy only of one being handed over at the kill, with the same Message-ID', async () => {
    const unfinished = () => count(p, `SELECT count(*) AS n FROM outbox_messages WHERE status <> 'sent'`);
    await eventually(async () => (await unfinished()) === 0, 150_000, 'every email sent');
    // The outbox sweeper runs every 2 s in the surviving worker; give it turns to send something twice.
    await new Promise((r) => setTimeout(r, 5_000));
    const rows = (await p.dataSource.query(`SELECT message_id, template, uncertain_resent FROM outbox_messages`)) as {
      message_id: string;
      template: string;
      uncertain_resent: boolean;
    }[];
    const byTemplate = (prefix: string) => rows.filter((r) => r.template.startsWith(prefix)).length;
    expect(byTemplate('enrolment-enrolled')).toBe(TRAINEES);
    expect(byTemplate('session-')).toBe(TRAINEES);
    expect(byTemplate('certificate-')).toBe(TRAINEES);

    const copies = new Map<string, number>();
    for (const m of p.smtp.messages) copies.set(m.messageId!, (copies.get(m.messageId!) ?? 0) + 1);
    const known = new Set(rows.map((r) => r.message_id));
    expect([...copies.keys()].filter((id) => !known.has(id))).toEqual([]);
    const wrong = rows
      .map((row) => ({ ...row, copies: copies.get(row.message_id) ?? 0 }))
      .filter((row) => row.copies < 1 || row.copies > (row.uncertain_resent ? 2 : 1));
    expect(wrong).toEqual([]);
    summary.emails = { rows: rows.length, atSink: p.smtp.messages.length, uncertainResent: rows.filter((r) => r.uncertain_resent).length };
    // Only the killed worker's sends in progress were interrupted (the web process writes emails, it sends none).
    expect(rows.filter((r) => r.uncertain_resent).length).toBeLessThanOrEqual(SENDS_PER_WORKER);
  }, 240_000);

  it('carries on with the survivors: the balancer has taken the killed web process out and serves from the other', async () => {
    // web-2 is UP, perhaps with a slow health check counted against it on a busy machine ("UP 1/3").
    expect(await p.lb.states()).toEqual({ 'web-1': expect.stringMatching(/^DOWN/), 'web-2': expect.stringMatching(/^UP/) });
    expect(p.webs.map((w) => w.ended)).toEqual([true, false]);
    expect(p.workers.map((w) => w.ended)).toEqual([true, false]);
    const reads = await inParallel(world.trainees.slice(0, 20), CONCURRENCY, (t) => client.call('me', 'GET', '/api/v1/me', t.token));
    expect(reads.map((r) => r.status)).toEqual(Array(20).fill(200));
    // Every request that needed a second try was one of the enrolments in flight when web-1 was killed.
    expect(new Set(client.retried().map((s) => s.label))).toEqual(new Set(['enrol']));
  }, 60_000);
});
