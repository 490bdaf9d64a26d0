import { Grade } from '../src/grading/grade.entity';
import { ExamResult } from '../src/exams/exam-result.entity';
import type { Submission } from '../src/submissions/submission.entity';
import { startWebApp, TestApp } from './support/app';
import { markCompleted } from './support/completion-factories';
import { createInPersonExam as createExam } from './support/exam-factories';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { createAssignment, handIn } from './support/grading-factories';
import { logIn, unescapeHtml } from './support/http';
import { bytes, csvRows, rowValues, xlsxSheet } from './support/report-files';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';

const DAY = 86_400_000;

describe('the gradebook', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t?.close());

  async function grade(submission: Submission, score: string | null, passed: boolean, released: boolean) {
    await t.dataSource.getRepository(Grade).save({
      submissionId: submission.id,
      versionNumber: 1,
      score,
      passed,
      status: released ? 'released' : 'draft',
      releasedAt: released ? new Date() : null,
    });
    if (released) await t.dataSource.query('UPDATE submissions SET graded_version = 1 WHERE id = $1', [submission.id]);
  }

  /**
   * Counted by hand (staff view; only released grades are added up):
   *
   *             Pieteikums (10 p., required)   Riski (pass/fail, part's)   Budžets (20 p.)   exam      retake (not released)   total     required   completion
   *   Anna      8.5 released                   passed, released            —                 9 passed  —                       8.5/30    1/1        completed
   *   Bērziņš   4 draft (not added up)         —                           —                 3 failed  7 passed                0/30      0/1        in progress
   *   Zariņa    handed in late, no grade       —                           —                 —         —                       0/30      0/1        in progress
   */
  async function gradebookByHand() {
    const instructor = await createInstructor(t.dataSource);
    const programme = await createProgramme(t.dataSource);
    const part = await createPart(t.dataSource, programme);
    const cohort = await createCohort(t.dataSource, part, { name: 'Pavasara grupa', instructors: [instructor] });
    const anna = await createTrainee(t.dataSource, { name: 'Anna Ābele' });
    const berzins = await createTrainee(t.dataSource, { name: 'Jānis Bērziņš' });
    const zarina = await createTrainee(t.dataSource, { name: 'Zane Zariņa' });
    const enrolments = [];
    for (const trainee of [anna, berzins, zarina]) enrolments.push(await enrol(t.dataSource, cohort, trainee));
    const dueAt = new Date(Date.now() - 3 * DAY);
    const application = await createAssignment(t.dataSource, { cohort }, { title: 'Projekta pieteikums', dueAt });
    const risks = await createAssignment(
      t.dataSource,
      { part },
      {
        title: 'Riski',
        dueAt: new Date(dueAt.getTime() + 60_000),
        gradingType: 'pass_fail',
        maxPoints: null,
        passMark: null,
        requiredForCompletion: false,
      },
    );
    await createAssignment(
      t.dataSource,
      { cohort },
      { title: 'Budžets', dueAt: new Date(Date.now() + 5 * DAY), maxPoints: '20.00', passMark: '10.00', requiredForCompletion: false },
    );
    await grade(await handIn(t.dataSource, null, application, anna), '8.50', true, true);
    await grade(await handIn(t.dataSource, null, risks, anna), null, true, true);
    await grade(await handIn(t.dataSource, null, application, berzins), '4.00', false, false);
    await handIn(t.dataSource, null, application, zarina, { submittedAt: new Date(dueAt.getTime() + 3_600_000), lateSeconds: 3600 });
    const exam = await createExam(t.dataSource, cohort, { title: 'Noslēguma eksāmens', releasedAt: new Date() });
    const retake = await createExam(t.dataSource, cohort, { title: 'Atkārtotais eksāmens', retakeOfId: exam.id });
    const results = t.dataSource.getRepository(ExamResult);
    await results.save({ examId: exam.id, userId: anna.id, status: 'passed', score: '9.00' });
    await results.save({ examId: exam.id, userId: berzins.id, status: 'failed', score: '3.00' });
    await results.save({ examId: retake.id, userId: berzins.id, status: 'passed', score: '7.00' });
    await markCompleted(t.dataSource, enrolments[0].id);
    return { instructor, cohort, anna, berzins, zarina, exam, retake };
  }

  const names = (body: { rows: { name: string }[] }) => body.rows.map((r) => r.name);

  it('shows staff every grade and result, drafts and unreleased ones marked, and adds up released grades only', async () => {
    const { instructor, cohort, anna, berzins, zarina } = await gradebookByHand();
    const agent = await logIn(t.agent(), instructor.email);
    const book = (await agent.get(`/api/v1/cohorts/${cohort.id}/reports/gradebook`).expect(200)).body;
    expect(book.assignments.map((a: { title: string }) => a.title)).toEqual(['Projekta pieteikums', 'Riski', 'Budžets']);
    expect(book.exams.map((e: { title: string }) => e.title)).toEqual(['Noslēguma eksāmens', 'Atkārtotais eksāmens']);
    const [a, b, z] = book.rows;
    expect([a.userId, b.userId, z.userId]).toEqual([anna.id, berzins.id, zarina.id]);
    expect(a.work.map((w: { state: string; grade: unknown }) => [w.state, w.grade])).toEqual([
      ['graded', { score: 8.5, passed: true, released: true }],
      ['graded', { score: null, passed: true, released: true }],
      ['not_submitted', null],
    ]);
    expect(a.totals).toEqual({ points: 8.5, maxPoints: 30, requiredPassed: 1, required: 1 });
    expect(a.exam).toEqual({ examId: book.exams[0].id, status: 'passed', score: 9, released: true });
    expect(a.completion).toBe('completed');
    expect(b.work[0]).toEqual({
      assignmentId: book.assignments[0].id,
      state: 'submitted',
      grade: { score: 4, passed: false, released: false },
    });
    expect(b.totals).toEqual({ points: 0, maxPoints: 30, requiredPassed: 0, required: 1 });
    expect(b.exams.map((e: { status: string; released: boolean }) => [e.status, e.released])).toEqual([
      ['failed', true],
      ['passed', false],
    ]);
    expect(b.exam).toMatchObject({ status: 'passed', score: 7, released: false });
    expect(b.completion).toBe('in_progress');
    expect(z.work[0].state).toBe('late');
    expect(z.exam).toBeNull();
  });

  it('filters and sorts on the server: a search without diacritics, each filter, each sort both ways', async () => {
    const { instructor, cohort } = await gradebookByHand();
    const agent = await logIn(t.agent(), instructor.email);
    const get = async (query: string) =>
      names((await agent.get(`/api/v1/cohorts/${cohort.id}/reports/gradebook?${query}`).expect(200)).body);
    expect(await get('q=berzins')).toEqual(['Jānis Bērziņš']);
    expect(await get('q=ZARI')).toEqual(['Zane Zariņa']);
    expect(await get('show=missingWork')).toEqual(['Jānis Bērziņš', 'Zane Zariņa']);
    expect(await get('show=toGrade')).toEqual(['Jānis Bērziņš', 'Zane Zariņa']);
    expect(await get('show=notCompleted')).toEqual(['Jānis Bērziņš', 'Zane Zariņa']);
    expect(await get('sort=name&dir=desc')).toEqual(['Zane Zariņa', 'Jānis Bērziņš', 'Anna Ābele']);
    expect(await get('sort=points&dir=desc')).toEqual(['Anna Ābele', 'Jānis Bērziņš', 'Zane Zariņa']);
    expect(await get('sort=exam&dir=desc')).toEqual(['Anna Ābele', 'Jānis Bērziņš', 'Zane Zariņa']);
    expect(await get('sort=exam&dir=asc')).toEqual(['Jānis Bērziņš', 'Anna Ābele', 'Zane Zariņa']);
    expect(await get('sort=completion')).toEqual(['Anna Ābele', 'Jānis Bērziņš', 'Zane Zariņa']);
    const bad = await agent.get(`/api/v1/cohorts/${cohort.id}/reports/gradebook?sort=age`).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['sort']);
  });

  it('serves the page with its filter form working without script, a chart of points with its table, and exports what is shown', async () => {
    const { instructor, cohort } = await gradebookByHand();
    const agent = await logIn(t.agent(), instructor.email);
    const page = await agent.get(`/cohorts/${cohort.id}/reports/gradebook?show=missingWork&sort=name&dir=desc`).expect(200);
    expect(page.text).toContain('Sekmju žurnāls: Pavasara grupa');
    expect(page.text).toContain('Rādīti 2 no 3 dalībniekiem');
    expect(page.text).toContain('<option value="missingWork" selected>');
    expect(page.text.indexOf('Zane Zariņa')).toBeLessThan(page.text.indexOf('Jānis Bērziņš'));
    expect(page.text).toContain('4 (nepublicēts)');
    expect(page.text).toContain('Iesniegts ar nokavējumu');
    expect(page.text).toMatch(/<svg[^>]*role="img"/);
    expect(unescapeHtml(page.text)).toContain(
      `href="/cohorts/${cohort.id}/reports/gradebook/export?format=xlsx&show=missingWork&dir=desc"`,
    );

    const csv = csvRows(
      (await bytes(agent.get(`/cohorts/${cohort.id}/reports/gradebook/export?format=csv&show=missingWork&dir=desc`)).expect(200)).body,
    );
    expect(csv.map((r) => r[0])).toEqual(['Dalībnieks', 'Zane Zariņa', 'Jānis Bērziņš']);
    expect(csv[0]).toContain('Projekta pieteikums: punkti');
    expect(csv[2]).toContain('4,00');
    expect(csv[2]).toContain('4 (nepublicēts)');

    const sheet = await xlsxSheet(
      (await bytes(agent.get(`/api/v1/cohorts/${cohort.id}/reports/gradebook/export?format=xlsx`)).expect(200)).body,
    );
    const header = rowValues(sheet, 1);
    const anna = rowValues(sheet, 2);
    expect(anna[0]).toBe('Anna Ābele');
    expect(anna[header.indexOf('Projekta pieteikums: punkti')]).toBe(8.5);
    expect(anna[header.indexOf('Punkti kopā')]).toBe(8.5);
    expect(anna[header.indexOf('Maksimālie punkti')]).toBe(30);
    expect(anna[header.indexOf('Pabeigšana')]).toBe('Pabeigts');
  });

  it('is for the cohort’s staff: a trainee is refused, an administrator sees it, another cohort’s instructor is told it does not exist', async () => {
    const { cohort, anna } = await gradebookByHand();
    expect((await (await logIn(t.agent(), anna.email)).get(`/cohorts/${cohort.id}/reports/gradebook`)).status).toBe(403);
    expect(
      (await (await logIn(t.agent(), (await createInstructor(t.dataSource)).email)).get(`/api/v1/cohorts/${cohort.id}/reports/gradebook`))
        .status,
    ).toBe(404);
    const admin = await logIn(t.agent(), (await createAdmin(t.dataSource)).email);
    const page = await admin.get(`/cohorts/${cohort.id}/reports/gradebook`).expect(200);
    expect(page.text).toContain(`href="/admin/users/${anna.id}/record"`);
  });
});
