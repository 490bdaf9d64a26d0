import type { BankQuestion } from '../support/exam-marking-factories';
import { bankQuestion, examCohort, onlineExam, submittedAttempt } from '../support/exam-marking-factories';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import type { Exam } from '../../src/exams/exam.entity';
import type { User } from '../../src/users/user.entity';

const PHONE = { width: 360, height: 740 };

describe('exam marking pages in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let exam: Exam;
  let questions: BankQuestion[];
  let trainees: User[];

  beforeAll(async () => {
    t = await serveWebApp();
    const group = await examCohort(t.dataSource, 2);
    trainees = group.trainees;
    questions = [
      await bankQuestion(t.dataSource, group.cohort, 'Plānošanas rīks', 2, {
        kind: 'single',
        choices: [
          { id: 'a', text: 'Ganta diagramma', fraction: 1 },
          { id: 'b', text: 'Ishikavas diagramma', fraction: 0 },
        ],
      }),
      await bankQuestion(t.dataSource, group.cohort, 'Projekta riski', 8, { kind: 'essay', guidance: 'Jāmin vismaz trīs riski.' }),
    ];
    exam = await onlineExam(t.dataSource, group.cohort, questions, { title: 'Projektu vadības gala eksāmens' });
    for (const trainee of trainees)
      await submittedAttempt(t, exam, trainee, questions, [
        { kind: 'single', choice: 'a' },
        { kind: 'essay', text: `Riski: laiks, budžets, komanda (${trainee.name}).` },
      ]);
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, group.instructor.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('marks one essay question across the attempts through the form, explaining a bad score', async () => {
    await visit(b.page, '/grading');
    await Promise.all([
      b.page.waitForURL((url) => url.pathname === '/grading/exams'),
      b.page.getByRole('link', { name: 'Eksāmeni' }).click(),
    ]);
    await b.page.selectOption('#field-exam', exam.id);
    await Promise.all([
      b.page.waitForURL((url) => url.searchParams.get('exam') === exam.id),
      b.page.getByRole('button', { name: 'Atlasīt' }).click(),
    ]);
    await expectAccessible(b.page, 'exam-marking-queue');
    await Promise.all([
      b.page.waitForURL((url) => url.pathname.startsWith('/grading/exam-items/')),
      b.page
        .getByRole('link', { name: /Vērtēt/ })
        .first()
        .click(),
    ]);
    const firstItem = new URL(b.page.url()).pathname;
    await b.page.getByText('Jāmin vismaz trīs riski.').waitFor();
    await expectAccessible(b.page, 'exam-marking-item');
    await b.page.fill('#field-awarded', '9');
    await b.page.click('main form button[type=submit]');
    await b.page.getByText('Punktu skaitam jābūt no 0 līdz 8.').first().waitFor();
    await expectAccessible(b.page, 'exam-marking-item-invalid');
    await b.page.fill('#field-awarded', '6,5');
    await b.page.fill('#field-feedback', 'Labi pamatots. <script>alert(1)</script>');
    await Promise.all([b.page.waitForURL((url) => url.pathname !== firstItem), b.page.click('main form button[type=submit]')]);
    await b.page.getByText('2. no 2 (nenovērtētas: 1)').waitFor();
    await b.page.setViewportSize(PHONE);
    await expectAccessible(b.page, 'exam-marking-item-phone');
    await b.page.setViewportSize({ width: 1280, height: 900 });
    await b.page.fill('#field-awarded', '5');
    await Promise.all([b.page.waitForResponse((r) => r.request().method() === 'POST'), b.page.click('main form button[type=submit]')]);
    await b.page.getByText('2. no 2 (nenovērtētas: 0)').waitFor();
    await Promise.all([
      b.page.waitForURL((url) => url.pathname === firstItem),
      b.page.getByRole('link', { name: /Iepriekšējā atbilde/ }).click(),
    ]);
    expect(await b.page.inputValue('#field-awarded')).toBe('6,5');
    expect(await b.page.inputValue('#field-feedback')).toBe('Labi pamatots. <script>alert(1)</script>');
  });

  it('overrides a result with a reason through the form', async () => {
    await visit(b.page, `/exams/${exam.id}/marking`);
    await expectAccessible(b.page, 'exam-results');
    await Promise.all([
      b.page.waitForURL((url) => url.pathname.endsWith('/override')),
      b.page.getByRole('link', { name: new RegExp(`Mainīt rezultātu.*${trainees[1].name}`) }).click(),
    ]);
    await b.page.selectOption('#field-status', 'passed');
    await b.page.fill('#field-score', '7');
    await b.page.click('main form button[type=submit]');
    await b.page.locator('#error-reason').waitFor();
    await expectAccessible(b.page, 'exam-override-invalid');
    await b.page.fill('#field-reason', 'Mutiskā atbilde papildināja eseju.');
    await Promise.all([
      b.page.waitForURL((url) => url.pathname === `/exams/${exam.id}/marking`),
      b.page.click('main form button[type=submit]'),
    ]);
    await b.page.getByText('Mainīts ar roku: Mutiskā atbilde papildināja eseju.').waitFor();
  });

  it('releases the results after the confirmation page, and the trainee sees the right answers and feedback', async () => {
    await visit(b.page, `/exams/${exam.id}/marking`);
    await Promise.all([
      b.page.waitForURL((url) => url.pathname.endsWith('/marking/release')),
      b.page.getByRole('link', { name: 'Publicēt rezultātus' }).click(),
    ]);
    await expectAccessible(b.page, 'exam-release-confirm');
    await Promise.all([
      b.page.waitForURL((url) => url.pathname === `/exams/${exam.id}/marking`),
      b.page.getByRole('button', { name: 'Jā, publicēt rezultātus' }).click(),
    ]);
    await b.page.locator('main .badge-ok', { hasText: 'Publicēti' }).waitFor();
    const emails: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE dedup_key LIKE $1`, [
      `exam-released:${exam.id}:%`,
    ]);
    expect(emails[0].n).toBe(2);
    await visit(b.page, `/exams/${exam.id}/statistics`);
    await expectAccessible(b.page, 'exam-statistics');

    const trainee = await openBrowser(t.baseUrl);
    try {
      await logInAs(trainee.page, trainees[0].email);
      await trainee.page.setViewportSize(PHONE);
      await visit(trainee.page, `/exams/${exam.id}/my-result`);
      await trainee.page.getByText('Ganta diagramma').first().waitFor();
      await trainee.page.getByText('Labi pamatots. <script>alert(1)</script>').waitFor();
      await expectAccessible(trainee.page, 'exam-own-result-phone');
    } finally {
      await trainee.close();
    }
  });
});
