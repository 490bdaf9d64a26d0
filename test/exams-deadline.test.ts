import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Clock } from '../src/common/clock';
import { AttemptSubmission } from '../src/exams/attempt-submission.service';
import { ExamAttemptEvent } from '../src/exams/exam-attempt-event.entity';
import { ExamAttemptItem } from '../src/exams/exam-attempt-item.entity';
import { ExamAttempt } from '../src/exams/exam-attempt.entity';
import { ExamDeadlineSweeper } from '../src/exams/exam-deadlines';
import { ExamLateAnswer } from '../src/exams/exam-late-answer.entity';
import { ExamAccommodation } from '../src/exams/exam-accommodation.entity';
import { Exam } from '../src/exams/exam.entity';
import { EXAM_DEADLINE_QUEUE } from '../src/exams/exams.constants';
import type { User } from '../src/users/user.entity';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createApiToken, createTrainee } from './support/factories';
import { createBank, createOnlineExam } from './support/exam-factories';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';
import { startPrivateRedis, PrivateRedis } from './support/redis-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The deadline of an attempt: computed when it starts, and kept whether or not the trainee is still there —
 * by the timed job, by the sweeper when Redis lost the job, by any read past it. On a Redis of its own, which
 * it flushes.
 */
describe('exam deadlines', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let worker: INestApplicationContext;
  const saved = { REDIS_URL: process.env.REDIS_URL };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    // The sweeper is left to its hourly round here, so a test sees which road submitted an attempt.
    Object.assign(process.env, { REDIS_URL: redis.url, EXAM_GRACE_SECONDS: '1', EXAM_SWEEP_SECONDS: '3600' });
    t = await startWebApp();
    worker = await startWorker();
  });
  afterAll(async () => {
    t?.app.get(Clock).set(null);
    await worker?.close();
    await t?.close();
    await redis?.stop();
    process.env.REDIS_URL = saved.REDIS_URL;
    delete process.env.EXAM_GRACE_SECONDS;
    delete process.env.EXAM_SWEEP_SECONDS;
  });
  afterEach(() => t.app.get(Clock).set(null));

  async function scene(overrides: Partial<Exam> = {}) {
    const ds = t.dataSource;
    const trainee = await createTrainee(ds);
    const part = await createPart(ds, await createProgramme(ds));
    const cohort = await createCohort(ds, part);
    await enrol(ds, cohort, trainee);
    const bank = await createBank(ds, part);
    const exam = await createOnlineExam(ds, cohort, bank.questionIds, overrides);
    const bearer = async (user: User) => `Bearer ${(await createApiToken(ds, user)).secret}`;
    return { trainee, exam, auth: await bearer(trainee) };
  }

  const start = (examId: string, auth: string) => t.http().post(`/api/v1/exams/${examId}/attempts`).set('Authorization', auth);
  const attempt = (id: string) => t.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id });
  const closings = (id: string) => t.dataSource.getRepository(ExamAttemptEvent).count({ where: { attemptId: id, kind: 'timeout' } });
  const accommodate = (examId: string, userId: string, terms: Partial<ExamAccommodation>) =>
    t.dataSource.getRepository(ExamAccommodation).save({ examId, userId, ...terms });

  describe('is fixed when the attempt starts', () => {
    const riga = (iso: string) => new Date(iso);

    it('multiplies the time limit by the time factor and adds extra minutes', async () => {
      const s = await scene({ timeLimitMinutes: 40, closesAt: new Date(Date.now() + 3 * 3_600_000) });
      await accommodate(s.exam.id, s.trainee.id, { timeFactor: '1.50', extraMinutes: 10 });
      const { body } = await start(s.exam.id, s.auth);
      expect(new Date(body.deadlineAt).getTime() - new Date(body.startedAt).getTime()).toBe(70 * 60_000);
      const standing = await t.http().get(`/api/v1/exams/${s.exam.id}/standing`).set('Authorization', s.auth);
      expect(standing.body.allowedMinutes).toBe(70);
    });

    it('is cut by the trainee’s own closing time', async () => {
      const s = await scene({ timeLimitMinutes: 60 });
      const ownClose = new Date(Date.now() + 20 * 60_000);
      await accommodate(s.exam.id, s.trainee.id, { timeFactor: '2.00', closesAt: ownClose });
      const { body } = await start(s.exam.id, s.auth);
      expect(body.deadlineAt).toBe(ownClose.toISOString());
    });

    it('keeps its full length across the last Sunday of October in Riga', async () => {
      // 2026-10-25: at 04:00 summer time the clocks go back to 03:00. Started at 02:30 EEST (23:30 UTC).
      const s = await scene({
        opensAt: riga('2026-10-24T21:00:00Z'),
        closesAt: riga('2026-10-25T12:00:00Z'),
        timeLimitMinutes: 120,
      });
      await accommodate(s.exam.id, s.trainee.id, { timeFactor: '1.50', extraMinutes: 15 });
      const startedAt = riga('2026-10-24T23:30:00Z');
      t.app.get(Clock).set(startedAt);
      const { body } = await start(s.exam.id, s.auth);
      expect(body.startedAt).toBe(startedAt.toISOString());
      // 195 minutes of real time: 04:45 on the winter clock, not 05:45.
      expect(body.deadlineAt).toBe('2026-10-25T02:45:00.000Z');
      expect(new Intl.DateTimeFormat('lv', { timeZone: 'Europe/Riga', timeStyle: 'short' }).format(new Date(body.deadlineAt))).toBe(
        '04:45',
      );
    });
  });

  it('submits an attempt left open exactly once, at the deadline, by the timed job', async () => {
    const s = await scene({ closesAt: new Date(Date.now() + 2_000) });
    const { body } = await start(s.exam.id, s.auth);
    await t
      .http()
      .put(`/api/v1/attempts/${body.id}/items/1/response`)
      .set('Authorization', s.auth)
      .send({ seq: 1, response: { kind: 'single', choice: 'a' } });
    expect((await attempt(body.id)).status).toBe('in_progress');
    const done = await eventually(
      async () => ((await attempt(body.id)).status === 'submitted' ? attempt(body.id) : null),
      15_000,
      'the timed submission',
    );
    expect(done).toMatchObject({ submittedBy: 'deadline', needsMarking: false, score: '1.00' });
    expect(done.submittedAt!.getTime()).toBeGreaterThanOrEqual(done.deadlineAt.getTime());
    await sleep(500);
    expect(await closings(body.id)).toBe(1);
    expect(await worker.get(ExamDeadlineSweeper).sweep()).toBe(0);
  });

  it('still submits once when Redis lost the timed job: by the sweeper, and by a read past the deadline', async () => {
    const s = await scene({ closesAt: new Date(Date.now() + 2_000), attemptsAllowed: 1 });
    const other = await scene({ closesAt: new Date(Date.now() + 2_000) });
    const first = (await start(s.exam.id, s.auth)).body;
    const second = (await start(other.exam.id, other.auth)).body;
    const queue = t.app.get<Queue>(getQueueToken(EXAM_DEADLINE_QUEUE));
    expect(await queue.getJob(first.id)).toBeTruthy();

    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    await sleep(3_500);
    expect((await attempt(first.id)).status).toBe('in_progress');
    expect((await attempt(second.id)).status).toBe('in_progress');

    const sweeper = worker.get(ExamDeadlineSweeper);
    const read = await t.http().get(`/api/v1/attempts/${second.id}`).set('Authorization', other.auth);
    expect(read.body).toMatchObject({ status: 'submitted', submittedBy: 'deadline' });
    expect(await sweeper.sweep()).toBe(1);
    expect(await sweeper.sweep()).toBe(0);
    expect((await attempt(first.id)).submittedBy).toBe('deadline');
    expect(await closings(first.id)).toBe(1);
    expect(await closings(second.id)).toBe(1);
  });

  it('counts a save that arrives within the grace and keeps one that arrives after it as evidence only', async () => {
    const s = await scene({ closesAt: new Date(Date.now() + 1_500) });
    const { body } = await start(s.exam.id, s.auth);
    const save = (position: number, response: object) =>
      t.http().put(`/api/v1/attempts/${body.id}/items/${position}/response`).set('Authorization', s.auth).send({ seq: 1, response });
    await sleep(Math.max(0, new Date(body.deadlineAt).getTime() + 300 - Date.now()));
    const inGrace = await save(3, { kind: 'truefalse', value: true });
    expect(inGrace.status).toBe(200);
    await eventually(async () => (await attempt(body.id)).status === 'submitted', 15_000, 'the submission');
    const late = await save(1, { kind: 'single', choice: 'a' });
    expect(late.status).toBe(409);
    const items = await t.dataSource.getRepository(ExamAttemptItem).find({ where: { attemptId: body.id }, order: { position: 'ASC' } });
    expect(items[2]).toMatchObject({ awarded: '1.00' });
    expect(items[0]).toMatchObject({ response: null, awarded: '0.00' });
    expect(await t.dataSource.getRepository(ExamLateAnswer).find({ where: { attemptId: body.id } })).toEqual([
      expect.objectContaining({ position: 1, seq: 1, response: { kind: 'single', choice: 'a' } }),
    ]);
  });

  it('never loses or half-counts saves racing the submission', async () => {
    const s = await scene({ closesAt: new Date(Date.now() + 1_000) });
    const { body } = await start(s.exam.id, s.auth);
    await sleep(Math.max(0, new Date(body.deadlineAt).getTime() + 1_000 - Date.now()));
    const submission = t.app.get(AttemptSubmission);
    const [a, b, , submittedHere] = await Promise.all([
      t
        .http()
        .put(`/api/v1/attempts/${body.id}/items/1/response`)
        .set('Authorization', s.auth)
        .send({ seq: 1, response: { kind: 'single', choice: 'a' } }),
      t
        .http()
        .put(`/api/v1/attempts/${body.id}/items/3/response`)
        .set('Authorization', s.auth)
        .send({ seq: 1, response: { kind: 'truefalse', value: true } }),
      sleep(0),
      submission.submit(body.id, 'deadline'),
    ]);
    const done = await eventually(async () => ((await attempt(body.id)).status === 'submitted' ? attempt(body.id) : null));
    const items = await t.dataSource.getRepository(ExamAttemptItem).find({ where: { attemptId: body.id }, order: { position: 'ASC' } });
    const late = await t.dataSource.getRepository(ExamLateAnswer).find({ where: { attemptId: body.id } });
    for (const [res, position] of [
      [a, 1],
      [b, 3],
    ] as const) {
      const item = items[position - 1];
      if (res.status === 200) expect(item.awarded).toBe('1.00');
      else {
        expect(res.status).toBe(409);
        expect(item.response).toBeNull();
        expect(late.map((l) => l.position)).toContain(position);
      }
    }
    expect(Number(done.score)).toBe([a, b].filter((r) => r.status === 200).length);
    expect(typeof submittedHere).toBe('boolean');
    await sleep(300);
    expect(await closings(body.id)).toBe(1);
  });
});
