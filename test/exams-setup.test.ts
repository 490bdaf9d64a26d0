import { startWebApp, TestApp } from './support/app';
import { createApiToken, createAdmin, createInstructor, createTrainee } from './support/factories';
import { createBank } from './support/exam-factories';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';
import { ExamResult } from '../src/exams/exam-result.entity';
import type { User } from '../src/users/user.entity';

/** Setting up exams through the API: validation, the question bank, accommodations and retakes. */
describe('exam set-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function scene() {
    const ds = t.dataSource;
    const instructor = await createInstructor(ds);
    const other = await createInstructor(ds);
    const trainee = await createTrainee(ds);
    const part = await createPart(ds, await createProgramme(ds));
    const cohort = await createCohort(ds, part, { instructors: [instructor] });
    const otherCohort = await createCohort(ds, part, { instructors: [other] });
    await enrol(ds, cohort, trainee);
    const bank = await createBank(ds, part);
    const sitting = await createSession(ds, cohort, { kind: 'exam_sitting', title: 'Noslēguma pārbaudījums' });
    const bearer = async (user: User) => `Bearer ${(await createApiToken(ds, user)).secret}`;
    return { instructor, other, trainee, part, cohort, otherCohort, bank, sitting, bearer };
  }

  const onlineBody = (questionIds: string[]) => ({
    title: 'Noslēguma pārbaudījums',
    mode: 'online',
    passMark: 60,
    passMarkUnit: 'percent',
    opensDate: '2026-12-14',
    opensTime: '09:00',
    closesDate: '2026-12-14',
    closesTime: '11:00',
    timeLimitMinutes: 60,
    attemptsAllowed: 1,
    selectionKind: 'fixed',
    questionIds,
    shuffleQuestions: true,
    shuffleChoices: true,
    resultsShown: 'at_once',
  });

  it("lets the cohort's instructor set up an online exam linked to its sitting; the maximum is the questions' points", async () => {
    const s = await scene();
    const res = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', await s.bearer(s.instructor))
      .send({ ...onlineBody(s.bank.questionIds), sessionId: s.sitting.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      mode: 'online',
      maxPoints: 11,
      sessionId: s.sitting.id,
      opensAt: '2026-12-14T07:00:00.000Z',
      warnings: [],
    });
    expect(res.body.selection).toEqual({ kind: 'fixed', questionIds: s.bank.questionIds });
  });

  it('names the field of each mistake and writes nothing', async () => {
    const s = await scene();
    const auth = await s.bearer(s.instructor);
    const bad = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', auth)
      .send({ ...onlineBody(s.bank.questionIds), closesDate: '2026-12-14', closesTime: '08:00', passMark: 120 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['closesDate', 'passMark']);

    const tooMany = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', auth)
      .send({ ...onlineBody([]), selectionKind: 'random', categories: [{ categoryId: s.bank.categoryId, count: 7 }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'selection', code: 'exam.notEnoughQuestions' })]);

    const aboveMax = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', auth)
      .send({ ...onlineBody(s.bank.questionIds), passMark: 12, passMarkUnit: 'points' });
    expect(aboveMax.status).toBe(400);
    expect(aboveMax.body.errors[0].field).toBe('passMark');

    const otherSession = await createSession(t.dataSource, s.otherCohort, { kind: 'exam_sitting' });
    const foreign = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', auth)
      .send({ ...onlineBody(s.bank.questionIds), sessionId: otherSession.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('sessionId');

    const list = await t.http().get(`/api/v1/cohorts/${s.cohort.id}/exams`).set('Authorization', auth);
    expect(list.body.items).toEqual([]);
  });

  it('refuses an instructor of another cohort (404) and a trainee of the cohort (403)', async () => {
    const s = await scene();
    const other = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', await s.bearer(s.other))
      .send(onlineBody(s.bank.questionIds));
    expect(other.status).toBe(404);
    const trainee = await t
      .http()
      .get(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', await s.bearer(s.trainee));
    expect(trainee.status).toBe(200);
    const create = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', await s.bearer(s.trainee))
      .send(onlineBody(s.bank.questionIds));
    expect(create.status).toBe(403);
  });

  it('warns when the closing time cuts an accommodation, and the trainee sees the time they have', async () => {
    const s = await scene();
    const auth = await s.bearer(s.instructor);
    const exam = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', auth)
      .send(onlineBody(s.bank.questionIds));
    const fits = await t
      .http()
      .post(`/api/v1/exams/${exam.body.id}/accommodations`)
      .set('Authorization', auth)
      .send({ userId: s.trainee.id, timeFactor: 1.5, extraMinutes: 10, note: 'Ārsta izziņa' });
    expect(fits.status).toBe(200);
    expect(fits.body).toMatchObject({ timeFactor: 1.5, extraMinutes: 10, cutByClosing: false });

    const cut = await t
      .http()
      .post(`/api/v1/exams/${exam.body.id}/accommodations`)
      .set('Authorization', auth)
      .send({ userId: s.trainee.id, timeFactor: 2, extraMinutes: 10 });
    expect(cut.body.cutByClosing).toBe(true);
    const staff = await t.http().get(`/api/v1/exams/${exam.body.id}`).set('Authorization', auth);
    expect(staff.body.warnings).toEqual([{ userId: s.trainee.id, name: s.trainee.name }]);

    const standing = await t
      .http()
      .get(`/api/v1/exams/${exam.body.id}/standing`)
      .set('Authorization', await s.bearer(s.trainee));
    expect(standing.status).toBe(200);
    expect(standing.body).toMatchObject({ allowedMinutes: 130, attemptsLeft: 1, canStart: false, reason: 'exams.errors.notOpenYet' });
    expect(JSON.stringify(standing.body)).not.toContain('questionIds');

    const stranger = await createTrainee(t.dataSource);
    const refused = await t
      .http()
      .post(`/api/v1/exams/${exam.body.id}/accommodations`)
      .set('Authorization', auth)
      .send({ userId: stranger.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('userId');
  });

  it('sets a retake for those who failed or were absent', async () => {
    const s = await scene();
    const ds = t.dataSource;
    const passed = await createTrainee(ds);
    const failed = await createTrainee(ds);
    await enrol(ds, s.cohort, passed);
    await enrol(ds, s.cohort, failed);
    const admin = await createAdmin(ds);
    const auth = await s.bearer(admin);
    const exam = await t
      .http()
      .post(`/api/v1/cohorts/${s.cohort.id}/exams`)
      .set('Authorization', auth)
      .send({ title: 'Klātienes pārbaudījums', mode: 'in_person', passMark: 10, passMarkUnit: 'points', maxPoints: 20 });
    expect(exam.status).toBe(201);
    await ds.getRepository(ExamResult).save([
      { examId: exam.body.id, userId: passed.id, status: 'passed', score: '15' },
      { examId: exam.body.id, userId: failed.id, status: 'failed', score: '5' },
      { examId: exam.body.id, userId: s.trainee.id, status: 'absent' },
    ]);
    const retake = await t.http().post(`/api/v1/cohorts/${s.cohort.id}/exams`).set('Authorization', auth).send({
      title: 'Atkārtots pārbaudījums',
      mode: 'in_person',
      passMark: 10,
      passMarkUnit: 'points',
      maxPoints: 20,
      retakeOfId: exam.body.id,
    });
    expect(retake.status).toBe(201);
    const results = await ds.getRepository(ExamResult).find({ where: { examId: retake.body.id } });
    expect(results.map((r) => r.userId).sort()).toEqual([failed.id, s.trainee.id].sort());
    expect(results.every((r) => r.status === 'pending')).toBe(true);
  });
});
