import { ExamAttemptEvent } from '../src/exams/exam-attempt-event.entity';
import { ExamAttempt } from '../src/exams/exam-attempt.entity';
import { ExamLateAnswer } from '../src/exams/exam-late-answer.entity';
import { ExamResult } from '../src/exams/exam-result.entity';
import { Exam } from '../src/exams/exam.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createApiToken, createInstructor, createTrainee } from './support/factories';
import { createBank, createOnlineExam } from './support/exam-factories';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

/** Taking an online exam through the API: starting, saving, flags, handing in, and who sees what. */
describe('taking an online exam', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function scene(overrides: Partial<Exam> = {}) {
    const ds = t.dataSource;
    const instructor = await createInstructor(ds);
    const trainee = await createTrainee(ds);
    const classmate = await createTrainee(ds);
    const part = await createPart(ds, await createProgramme(ds));
    const cohort = await createCohort(ds, part, { instructors: [instructor] });
    await enrol(ds, cohort, trainee);
    await enrol(ds, cohort, classmate);
    const bank = await createBank(ds, part);
    const exam = await createOnlineExam(ds, cohort, bank.questionIds, overrides);
    const bearer = async (user: User) => `Bearer ${(await createApiToken(ds, user)).secret}`;
    return { instructor, trainee, classmate, cohort, exam, bank, auth: await bearer(trainee), staff: await bearer(instructor), bearer };
  }

  const start = (examId: string, auth: string) => t.http().post(`/api/v1/exams/${examId}/attempts`).set('Authorization', auth);
  const save = (attemptId: string, position: number, auth: string, body: object) =>
    t.http().put(`/api/v1/attempts/${attemptId}/items/${position}/response`).set('Authorization', auth).send(body);

  it('starts an attempt with a stored deadline; a reload shows the same questions in the same order', async () => {
    const s = await scene({ shuffleQuestions: true, shuffleChoices: true });
    const res = await start(s.exam.id, s.auth);
    expect(res.status).toBe(201);
    expect(res.body.items).toHaveLength(6);
    const deadline = new Date(res.body.deadlineAt).getTime() - new Date(res.body.startedAt).getTime();
    expect(deadline).toBe(30 * 60_000);
    const again = await t.http().get(`/api/v1/attempts/${res.body.id}`).set('Authorization', s.auth);
    expect(again.body.items.map((i: { name: string }) => i.name)).toEqual(res.body.items.map((i: { name: string }) => i.name));
    expect(again.body.items.map((i: { choices: unknown }) => i.choices)).toEqual(
      res.body.items.map((i: { choices: unknown }) => i.choices),
    );
    const startAgain = await start(s.exam.id, s.auth);
    expect(startAgain.body.id).toBe(res.body.id);
  });

  it('keeps one attempt in progress when starts race', async () => {
    const s = await scene({ attemptsAllowed: 3 });
    const results = await Promise.all(Array.from({ length: 8 }, () => start(s.exam.id, s.auth)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await t.dataSource.getRepository(ExamAttempt).count({ where: { examId: s.exam.id } })).toBe(1);
  });

  it('never sends a correct answer, a fraction or marking guidance before results are released', async () => {
    const s = await scene({ resultsShown: 'on_release' });
    const started = await start(s.exam.id, s.auth);
    const bodies = [started.body];
    bodies.push((await t.http().get(`/api/v1/attempts/${started.body.id}`).set('Authorization', s.auth)).body);
    bodies.push((await t.http().post(`/api/v1/attempts/${started.body.id}/submit`).set('Authorization', s.auth)).body);
    bodies.push((await t.http().get(`/api/v1/attempts/${started.body.id}`).set('Authorization', s.auth)).body);
    bodies.push((await t.http().get(`/api/v1/exams/${s.exam.id}/standing`).set('Authorization', s.auth)).body);
    for (const body of bodies) {
      const text = JSON.stringify(body);
      for (const secret of ['fraction', 'correct', 'guidance', 'tolerance', 'Vismaz trīs riski', '"answers"', 'feedback', 'selection'])
        expect(text).not.toContain(secret);
    }
    expect(bodies[3].score).toBeNull();
    expect(bodies[4].result).toBeNull();
  });

  it('keeps the newest answer when saves arrive in the wrong order or twice', async () => {
    const s = await scene();
    const { body } = await start(s.exam.id, s.auth);
    const first = body.items[0];
    const [a, b] = first.choices.map((c: { id: string }) => c.id);
    expect((await save(body.id, 1, s.auth, { seq: 2, response: { kind: 'single', choice: b } })).body).toMatchObject({
      saved: true,
      seq: 2,
    });
    expect((await save(body.id, 1, s.auth, { seq: 1, response: { kind: 'single', choice: a } })).body).toMatchObject({
      saved: false,
      seq: 2,
    });
    expect((await save(body.id, 1, s.auth, { seq: 2, response: { kind: 'single', choice: a } })).body).toMatchObject({
      saved: false,
      seq: 2,
    });
    const read = await t.http().get(`/api/v1/attempts/${body.id}`).set('Authorization', s.auth);
    expect(read.body.items[0].response).toEqual({ kind: 'single', choice: b });

    const wrongKind = await save(body.id, 1, s.auth, { seq: 3, response: { kind: 'short', text: 'a' } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors[0].field).toBe('response');
    const unknownChoice = await save(body.id, 1, s.auth, { seq: 3, response: { kind: 'single', choice: 'zz' } });
    expect(unknownChoice.status).toBe(400);
  });

  it('tells a save overtaken while it waited for the attempt which number is kept, and logs only the one kept', async () => {
    const s = await scene();
    const { body } = await start(s.exam.id, s.auth);
    const [a, b] = body.items[0].choices.map((c: { id: string }) => c.id);
    // Both saves read the item before either writes: the attempt's row is held until both wait for it.
    const holder = t.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT id FROM exam_attempts WHERE id = $1 FOR UPDATE', [body.id]);
    const waiting = (count: number) =>
      eventually(
        async () =>
          Number(
            (
              await t.dataSource.query(
                `SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'WITH open AS%' AND cardinality(pg_blocking_pids(pid)) > 0`,
              )
            )[0].n,
          ) >= count,
        15000,
        `${count} saves to wait for the attempt`,
      );
    const newer = save(body.id, 1, s.auth, { seq: 2, response: { kind: 'single', choice: b } }).then((res) => res);
    await waiting(1);
    const older = save(body.id, 1, s.auth, { seq: 1, response: { kind: 'single', choice: a } }).then((res) => res);
    await waiting(2);
    await holder.commitTransaction();
    await holder.release();
    expect((await newer).body).toMatchObject({ saved: true, seq: 2 });
    expect((await older).body).toMatchObject({ saved: false, seq: 2, savedAt: (await newer).body.savedAt });
    const read = await t.http().get(`/api/v1/attempts/${body.id}`).set('Authorization', s.auth);
    expect(read.body.items[0].response).toEqual({ kind: 'single', choice: b });
    const logged = await t.dataSource.getRepository(ExamAttemptEvent).find({ where: { attemptId: body.id, kind: 'save' } });
    expect(logged.map((e) => e.detail)).toEqual([{ position: 1, seq: 2 }]);
  });

  it('marks closed questions at submission, with partial credit, and leaves the essay to an instructor', async () => {
    const s = await scene();
    const { body } = await start(s.exam.id, s.auth);
    await save(body.id, 1, s.auth, { seq: 1, response: { kind: 'single', choice: 'a' } });
    await save(body.id, 2, s.auth, { seq: 1, response: { kind: 'multiple', choices: ['a', 'c'] } });
    await save(body.id, 3, s.auth, { seq: 1, response: { kind: 'truefalse', value: true } });
    await save(body.id, 4, s.auth, { seq: 1, response: { kind: 'short', text: ' Ligums ' } });
    await save(body.id, 5, s.auth, { seq: 1, response: { kind: 'numeric', text: '12,0' } });
    await save(body.id, 6, s.auth, { seq: 1, response: { kind: 'essay', text: 'Termiņu kavējums, budžeta pārtēriņš, kadru mainība.' } });
    const flagged = await t.http().put(`/api/v1/attempts/${body.id}/items/6/flag`).set('Authorization', s.auth).send({ flagged: true });
    expect(flagged.status).toBe(204);
    const submitted = await t.http().post(`/api/v1/attempts/${body.id}/submit`).set('Authorization', s.auth);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: 'trainee', needsMarking: null });

    const attempt = await t.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id: body.id });
    expect(attempt).toMatchObject({ needsMarking: true, score: null });
    const staff = await t.http().get(`/api/v1/attempts/${body.id}`).set('Authorization', s.staff);
    expect(staff.body.items.map((i: { awarded: number | null }) => i.awarded)).toEqual([1, 0, 1, 1, 1, null]);
    expect(staff.body.items[5].awaitingMarking).toBe(true);
    const result = await t.dataSource.getRepository(ExamResult).findOneByOrFail({ examId: s.exam.id, userId: s.trainee.id });
    expect(result.status).toBe('pending');

    const twice = await t.http().post(`/api/v1/attempts/${body.id}/submit`).set('Authorization', s.auth);
    expect(twice.body.submittedBy).toBe('trainee');
    expect(await t.dataSource.getRepository(ExamAttemptEvent).count({ where: { attemptId: body.id, kind: 'submit' } })).toBe(1);

    const late = await save(body.id, 1, s.auth, { seq: 9, response: { kind: 'single', choice: 'b' } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ANSWER_TOO_LATE');
    expect(await t.dataSource.getRepository(ExamLateAnswer).count({ where: { attemptId: body.id } })).toBe(1);
  });

  it('shows the result at once when the exam says so and nothing waits for marking', async () => {
    const s = await scene();
    const closedOnly = await createOnlineExam(t.dataSource, s.cohort, s.bank.questionIds.slice(0, 5));
    const { body } = await start(closedOnly.id, s.auth);
    await save(body.id, 1, s.auth, { seq: 1, response: { kind: 'single', choice: 'a' } });
    await save(body.id, 3, s.auth, { seq: 1, response: { kind: 'truefalse', value: false } });
    const submitted = await t.http().post(`/api/v1/attempts/${body.id}/submit`).set('Authorization', s.auth);
    expect(submitted.body).toMatchObject({ score: 1, maxPoints: 6, needsMarking: false });
    const standing = await t.http().get(`/api/v1/exams/${closedOnly.id}/standing`).set('Authorization', s.auth);
    expect(standing.body.result).toEqual({ status: 'failed', score: 1 });
    expect(standing.body).toMatchObject({ attemptsLeft: 0, canStart: false, reason: 'exams.errors.noAttemptsLeft' });
  });

  it("does not let a trainee see or change another's attempt, and logs views and saves for staff", async () => {
    const s = await scene();
    const { body } = await start(s.exam.id, s.auth);
    const other = await s.bearer(s.classmate);
    expect((await t.http().get(`/api/v1/attempts/${body.id}`).set('Authorization', other)).status).toBe(404);
    expect((await save(body.id, 1, other, { seq: 5, response: { kind: 'single', choice: 'a' } })).status).toBe(404);
    expect((await t.http().post(`/api/v1/attempts/${body.id}/submit`).set('Authorization', other)).status).toBe(404);
    expect((await t.http().get(`/api/v1/attempts/${body.id}/events`).set('Authorization', other)).status).toBe(403);
    const stranger = await s.bearer(await createInstructor(t.dataSource));
    expect((await t.http().get(`/api/v1/attempts/${body.id}`).set('Authorization', stranger)).status).toBe(404);
    expect((await t.http().get(`/api/v1/attempts/${body.id}`)).status).toBe(401);
    expect((await t.http().post(`/api/v1/exams/${s.exam.id}/attempts`)).status).toBe(401);

    await t.http().get(`/api/v1/attempts/${body.id}`).set('Authorization', s.auth);
    await save(body.id, 3, s.auth, { seq: 1, response: { kind: 'truefalse', value: false } });
    await t.http().post(`/api/v1/attempts/${body.id}/reconnect`).set('Authorization', s.auth).send({ pending: 2 });
    const events = await t.http().get(`/api/v1/attempts/${body.id}/events`).set('Authorization', s.staff);
    expect(events.status).toBe(200);
    expect(events.body.events.map((e: { kind: string }) => e.kind)).toEqual(['start', 'view', 'save', 'reconnect']);
  });
});
