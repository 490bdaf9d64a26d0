import { ExamAttemptEvent } from '../../src/exams/exam-attempt-event.entity';
import { ExamAttemptItem } from '../../src/exams/exam-attempt-item.entity';
import { ExamAttempt } from '../../src/exams/exam-attempt.entity';
import type { Exam } from '../../src/exams/exam.entity';
import type { User } from '../../src/users/user.entity';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { eventually } from '../support/eventually';
import { createInstructor, createTrainee } from '../support/factories';
import { createBank, createOnlineExam, SAMPLE_QUESTIONS } from '../support/exam-factories';
import { createCohort, createPart, createProgramme, enrol } from '../support/schedule-factories';

/**
 * A trainee takes an online exam with the keyboard only: starts it, answers, loses the network, answers again,
 * comes back online (the answer reaches the server), and stays until the time runs out: the attempt is
 * submitted for them and they land on the result page.
 */
describe('taking an online exam in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let trainee: User;
  let exam: Exam;

  beforeAll(async () => {
    process.env.EXAM_GRACE_SECONDS = '1';
    t = await serveWebApp();
    const ds = t.dataSource;
    const instructor = await createInstructor(ds);
    const part = await createPart(ds, await createProgramme(ds));
    const cohort = await createCohort(ds, part, { instructors: [instructor] });
    trainee = await createTrainee(ds, { name: 'Dalībniece Ilze' });
    await enrol(ds, cohort, trainee);
    const bank = await createBank(ds, part, [SAMPLE_QUESTIONS[0], SAMPLE_QUESTIONS[2], SAMPLE_QUESTIONS[3]]);
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, trainee.email);
    exam = await createOnlineExam(ds, cohort, bank.questionIds, { closesAt: new Date(Date.now() + 30_000), resultsShown: 'at_once' });
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
    delete process.env.EXAM_GRACE_SECONDS;
  });

  const items = (attemptId: string) =>
    t.dataSource.getRepository(ExamAttemptItem).find({ where: { attemptId }, order: { position: 'ASC' } });

  it('saves answers given offline once back online, and submits once when the time runs out', async () => {
    const page = b.page;
    await visit(page, `/exams/${exam.id}`);
    await expectAccessible(page, 'exam-start');
    await page.getByRole('button', { name: 'Sākt pārbaudījumu' }).focus();
    await Promise.all([page.waitForURL(/\/attempts\/[^/]+\/questions\/1$/), page.keyboard.press('Enter')]);
    const attemptId = page.url().split('/attempts/')[1].split('/')[0];

    await page.getByLabel('Pagaidu pasākums ar noteiktu mērķi').focus();
    await page.keyboard.press('Space');
    await page.locator('[data-save-state]', { hasText: 'Saglabāts.' }).waitFor();
    expect((await items(attemptId))[0].response).toEqual({ kind: 'single', choice: 'a' });
    await expectAccessible(page, 'exam-question');

    await page.getByRole('button', { name: 'Nākamais' }).focus();
    await Promise.all([page.waitForURL(/\/questions\/2$/), page.keyboard.press('Enter')]);

    await b.context.setOffline(true);
    await page.getByLabel('Patiess').focus();
    await page.keyboard.press('Space');
    await page.locator('[data-save-state]', { hasText: 'Nav savienojuma' }).waitFor();
    expect((await items(attemptId))[1].response).toBeNull();
    await page.getByLabel('Atzīmēt, lai atgrieztos').focus();
    await page.keyboard.press('Space');

    await b.context.setOffline(false);
    await eventually(async () => (await items(attemptId))[1].response !== null, 15_000, 'the offline answer to reach the server');
    expect((await items(attemptId))[1].response).toEqual({ kind: 'truefalse', value: true });
    await page.locator('[data-save-state]', { hasText: 'Saglabāts.' }).waitFor();
    await eventually(
      async () => (await t.dataSource.getRepository(ExamAttemptEvent).count({ where: { attemptId, kind: 'reconnect' } })) === 1,
      10_000,
      'the reconnection to be logged',
    );

    // Nobody presses submit: the deadline does it, and the page moves to the result.
    await page.waitForURL(/\/attempts\/[^/]+\/result$/, { timeout: 60_000 });
    await page.getByText('Jūsu atbildes ir saņemtas.').waitFor();
    const attempt = await t.dataSource.getRepository(ExamAttempt).findOneByOrFail({ id: attemptId });
    expect(attempt).toMatchObject({ status: 'submitted', submittedBy: 'deadline', score: '2.00' });
    expect(await t.dataSource.getRepository(ExamAttemptEvent).count({ where: { attemptId, kind: 'timeout' } })).toBe(1);
    expect(await page.locator('dt:text-is("Punkti") + dd').textContent()).toBe('2 / 3');
    await expectAccessible(page, 'exam-result');
  });
});
