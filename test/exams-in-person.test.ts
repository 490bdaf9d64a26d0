import type { Cohort } from '../src/cohorts/cohort.entity';
import type { Exam } from '../src/exams/exam.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createInPersonExam } from './support/exam-factories';
import { createApiToken, createInstructor, createTrainee } from './support/factories';
import { csrfFrom, logIn } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

type Entry = { userId: string; outcome: string; score?: string | number | null; version: number };
type Row = { userId: string; name: string; status: string | null; score: string | null; version: number };

describe('in-person exam results sheet', () => {
  let t: TestApp;
  let cohort: Cohort;
  let teacher: User;
  let trainees: User[];
  let teacherToken: string;
  let secondToken: string;

  beforeAll(async () => {
    t = await startWebApp();
    teacher = await createInstructor(t.dataSource, { name: 'Dace Ozola' });
    const colleague = await createInstructor(t.dataSource, { name: 'Jānis Kalniņš' });
    cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      instructors: [teacher, colleague],
    });
    trainees = [];
    for (const name of ['Anna Bērziņa', 'Edgars Vanags', 'Ieva Skujiņa', 'Jeļena Kozlova']) {
      const trainee = await createTrainee(t.dataSource, { name });
      await enrol(t.dataSource, cohort, trainee);
      trainees.push(trainee);
    }
    teacherToken = (await createApiToken(t.dataSource, teacher)).secret;
    secondToken = (await createApiToken(t.dataSource, colleague)).secret;
  });
  afterAll(() => t.close());

  const sheet = async (exam: Exam, token = teacherToken): Promise<Row[]> => {
    const res = await t.http().get(`/api/v1/exams/${exam.id}/sheet`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body.rows;
  };
  const save = (exam: Exam, entries: Entry[], token = teacherToken) =>
    t.http().put(`/api/v1/exams/${exam.id}/sheet`).set('Authorization', `Bearer ${token}`).send({ entries });
  const byName = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.name, [r.status, r.score]]));

  it('derives passed and failed from a percent pass mark, exactly at the mark passing, with absent and excused', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const rows = await sheet(exam);
    expect(rows.map((r) => r.name)).toEqual(['Anna Bērziņa', 'Edgars Vanags', 'Ieva Skujiņa', 'Jeļena Kozlova']);
    expect(rows.every((r) => r.version === 0 && r.status === null)).toBe(true);
    const res = await save(exam, [
      { userId: trainees[0].id, outcome: 'score', score: '7', version: 0 },
      { userId: trainees[1].id, outcome: 'score', score: '6,99', version: 0 },
      { userId: trainees[2].id, outcome: 'absent', version: 0 },
      { userId: trainees[3].id, outcome: 'excused', version: 0 },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.conflicts).toEqual([]);
    expect(byName(await sheet(exam))).toEqual({
      'Anna Bērziņa': ['passed', '7.00'],
      'Edgars Vanags': ['failed', '6.99'],
      'Ieva Skujiņa': ['absent', null],
      'Jeļena Kozlova': ['excused', null],
    });
    const audit = await t.dataSource.query(
      `SELECT after FROM audit_events WHERE action = 'exam.result_entered' AND after->>'examId' = $1 ORDER BY id`,
      [exam.id],
    );
    expect(audit.map((a: { after: { status: string } }) => a.after.status)).toEqual(['passed', 'failed', 'absent', 'excused']);
  });

  it("draws an in-person exam's score distribution from its results sheet", async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    await save(exam, [
      { userId: trainees[0].id, outcome: 'score', score: '7', version: 0 },
      { userId: trainees[1].id, outcome: 'score', score: '6,5', version: 0 },
      { userId: trainees[2].id, outcome: 'score', score: '9.5', version: 0 },
      { userId: trainees[3].id, outcome: 'absent', version: 0 },
    ]).expect(200);
    const stats = await t.http().get(`/api/v1/exams/${exam.id}/statistics`).set('Authorization', `Bearer ${teacherToken}`).expect(200);
    expect(stats.body).toMatchObject({ counted: 'results', attempts: 3, maxPoints: 10, questions: [] });
    expect(stats.body.mean).toBeCloseTo(23 / 3, 6);
    expect(stats.body.distribution.filter((b: { count: number }) => b.count > 0)).toEqual([
      { from: 6, to: 7, count: 1 },
      { from: 7, to: 8, count: 1 },
      { from: 9, to: 10, count: 1 },
    ]);
    const page = await t.http().get(`/exams/${exam.id}/statistics`).set('Authorization', `Bearer ${teacherToken}`);
    expect(page.text).toContain('Rezultāti ar punktiem</dt><dd>3</dd>');
    expect(page.text).toContain('tāpēc jautājumu statistikas nav');
  });

  it('derives the result from a pass mark in points, and clears a result back to none', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort, { passMark: '50.00', passMarkUnit: 'points', maxPoints: '80.00' });
    await save(exam, [
      { userId: trainees[0].id, outcome: 'score', score: 50, version: 0 },
      { userId: trainees[1].id, outcome: 'score', score: '49.99', version: 0 },
    ]).expect(200);
    let rows = await sheet(exam);
    expect(byName(rows)['Anna Bērziņa']).toEqual(['passed', '50.00']);
    expect(byName(rows)['Edgars Vanags']).toEqual(['failed', '49.99']);
    await save(exam, [{ userId: trainees[0].id, outcome: 'none', version: rows[0].version }]).expect(200);
    rows = await sheet(exam);
    expect(byName(rows)['Anna Bērziņa']).toEqual(['pending', null]);
  });

  it('refuses bad scores naming each trainee, and saves nothing of that sheet', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const res = await save(exam, [
      { userId: trainees[0].id, outcome: 'score', score: '8', version: 0 },
      { userId: trainees[1].id, outcome: 'score', score: 'astoņi', version: 0 },
      { userId: trainees[2].id, outcome: 'score', score: '10,5', version: 0 },
      { userId: trainees[3].id, outcome: 'score', score: '-1', version: 0 },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      `score.${trainees[1].id}`,
      `score.${trainees[2].id}`,
      `score.${trainees[3].id}`,
    ]);
    expect(res.body.errors[0].message).toContain('Edgars Vanags');
    expect(res.body.errors[1].message).toContain('maksimumu');
    expect((await sheet(exam)).every((r) => r.status === null)).toBe(true);
  });

  it('refuses the line another editor changed meanwhile, naming the trainee, and saves the rest', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const read = await sheet(exam);
    const first = await save(exam, [{ userId: trainees[0].id, outcome: 'score', score: '9', version: read[0].version }], secondToken);
    expect(first.body.saved).toHaveLength(1);
    const second = await save(exam, [
      { userId: trainees[0].id, outcome: 'score', score: '5', version: read[0].version },
      { userId: trainees[1].id, outcome: 'absent', version: read[1].version },
    ]);
    expect(second.status).toBe(200);
    expect(second.body.saved.map((s: { name: string }) => s.name)).toEqual(['Edgars Vanags']);
    expect(second.body.conflicts).toEqual([
      { userId: trainees[0].id, name: 'Anna Bērziņa', message: 'Anna Bērziņa: rezultātu pa to laiku mainīja kāds cits; nav saglabāts.' },
    ]);
    const rows = byName(await sheet(exam));
    expect(rows['Anna Bērziņa']).toEqual(['passed', '9.00']);
    expect(rows['Edgars Vanags']).toEqual(['absent', null]);
  });

  it('lets two editors racing on the same line save it once and refuse the other', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const results = await Promise.all([
      save(exam, [{ userId: trainees[2].id, outcome: 'score', score: '8', version: 0 }]),
      save(exam, [{ userId: trainees[2].id, outcome: 'score', score: '4', version: 0 }], secondToken),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.saved.length).sort()).toEqual([0, 1]);
    expect(results.map((r) => r.body.conflicts.length).sort()).toEqual([0, 1]);
    const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM exam_results WHERE exam_id = $1', [exam.id]);
    expect(row.n).toBe(1);
  });

  it('is for the staff of the cohort and in-person exams only', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const trainee = (await createApiToken(t.dataSource, trainees[0])).secret;
    const stranger = (await createApiToken(t.dataSource, await createInstructor(t.dataSource))).secret;
    await t.http().get(`/api/v1/exams/${exam.id}/sheet`).expect(401);
    await t.http().get(`/api/v1/exams/${exam.id}/sheet`).set('Authorization', `Bearer ${trainee}`).expect(403);
    await t.http().get(`/api/v1/exams/${exam.id}/sheet`).set('Authorization', `Bearer ${stranger}`).expect(404);
    await save(exam, [{ userId: trainees[0].id, outcome: 'score', score: '8', version: 0 }], stranger).expect(404);
    const online = await createInPersonExam(t.dataSource, cohort, { mode: 'online' });
    const refused = await save(online, [{ userId: trainees[0].id, outcome: 'score', score: '8', version: 0 }]);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('EXAM_NOT_IN_PERSON');
    const outsider = await createTrainee(t.dataSource);
    const unknown = await save(exam, [{ userId: outsider.id, outcome: 'score', score: '8', version: 0 }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe(`outcome.${outsider.id}`);
  });
  it('asks for the points when a score is chosen without them', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const res = await save(exam, [{ userId: trainees[0].id, outcome: 'score', score: ' ', version: 0 }]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: `score.${trainees[0].id}`,
        message: 'Anna Bērziņa: ierakstiet punktus vai izvēlieties citu rezultātu.',
      }),
    ]);
  });

  it('saves from the page only the lines changed, taking typed points as a score, and names a bad one on the page', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const agent = t.agent();
    await logIn(agent, teacher.email);
    const page = await agent.get(`/exams/${exam.id}/sheet`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`id="field-score-${trainees[0].id}" name="score[${trainees[0].id}]" type="text" inputmode="decimal"`);
    const line = (u: User, outcome: string, score: string) => ({
      [`outcome[${u.id}]`]: outcome,
      [`score[${u.id}]`]: score,
      [`version[${u.id}]`]: '0',
      [`shown[${u.id}]`]: 'none|',
    });
    const form = {
      _csrf: csrfFrom(page.text),
      ...line(trainees[0], 'none', '8,25'),
      ...line(trainees[1], 'none', ''),
      ...line(trainees[2], 'score', '12'),
    };
    const refused = await agent.post(`/exams/${exam.id}/sheet`).type('form').send(form);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Ieva Skujiņa: punkti pārsniedz eksāmena maksimumu.');
    expect(refused.text).toContain('value="8,25"');
    const saved = await agent
      .post(`/exams/${exam.id}/sheet`)
      .type('form')
      .send({ ...form, [`score[${trainees[2].id}]`]: '', [`outcome[${trainees[2].id}]`]: 'excused' });
    expect(saved.status).toBe(303);
    expect((await agent.get(saved.headers.location)).text).toContain('Saglabāti rezultāti: 2.');
    expect(byName(await sheet(exam))).toEqual({
      'Anna Bērziņa': ['passed', '8.25'],
      'Edgars Vanags': [null, null],
      'Ieva Skujiņa': ['excused', null],
      'Jeļena Kozlova': [null, null],
    });
  });
});
