import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exam } from '../../src/exams/exam.entity';
import type { User } from '../../src/users/user.entity';
import {
  expectAccessible,
  logInAs,
  openBrowser,
  serveWebApp,
  switchLanguage,
  visit,
  type ServedApp,
  type TestBrowser,
} from '../support/browser';
import { createInPersonExam } from '../support/exam-factories';
import { createInstructor, createTrainee } from '../support/factories';
import { createCohort, createPart, createProgramme, enrol } from '../support/schedule-factories';

const PHONE = { width: 360, height: 740 };

describe('exam results sheet pages in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let trainees: User[];
  let sheetExam: Exam;
  let uploadExam: Exam;
  const dir = mkdtempSync(join(tmpdir(), 'results-upload-'));

  beforeAll(async () => {
    t = await serveWebApp();
    const instructor = await createInstructor(t.dataSource, { name: 'Dace Ozola' });
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: '1. daļa — 2012. gada rudens',
      instructors: [instructor],
    });
    trainees = [];
    for (const name of ['Anna Bērziņa', 'Edgars Vanags', 'Ieva Skujiņa']) {
      const trainee = await createTrainee(t.dataSource, { name });
      await enrol(t.dataSource, cohort, trainee);
      trainees.push(trainee);
    }
    sheetExam = await createInPersonExam(t.dataSource, cohort, { title: 'Noslēguma eksāmens' });
    uploadExam = await createInPersonExam(t.dataSource, cohort, { title: 'Atkārtotais eksāmens' });
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, instructor.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const results = async (exam: Exam) =>
    Object.fromEntries(
      (
        await t.dataSource.query(
          'SELECT u.name, r.status, r.score FROM exam_results r JOIN users u ON u.id = r.user_id WHERE exam_id = $1',
          [exam.id],
        )
      ).map((r: { name: string; status: string; score: string | null }) => [r.name, [r.status, r.score]]),
    );

  it('fills in the results sheet at phone width with a decimal keyboard, explains a bad score, then saves', async () => {
    await b.page.setViewportSize(PHONE);
    await visit(b.page, `/exams/${sheetExam.id}/sheet`);
    await expectAccessible(b.page, 'exam-sheet-phone');
    const width = Number(await b.page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(PHONE.width);
    const anna = b.page.locator(`#field-score-${trainees[0].id}`);
    expect(await anna.getAttribute('inputmode')).toBe('decimal');
    await anna.fill('7,5');
    await b.page.getByRole('radiogroup', { name: 'Anna Bērziņa: rezultāts' }).getByLabel('Punkti').check();
    await b.page.locator(`#field-score-${trainees[1].id}`).fill('11');
    await b.page.getByRole('radiogroup', { name: 'Edgars Vanags: rezultāts' }).getByLabel('Punkti').check();
    await b.page.getByRole('radiogroup', { name: 'Ieva Skujiņa: rezultāts' }).getByLabel('Neieradās').check();
    await Promise.all([b.page.waitForLoadState('load'), b.page.getByRole('button', { name: 'Saglabāt rezultātus' }).click()]);
    await b.page.getByRole('alert').waitFor();
    expect(await b.page.locator(`#error-score-${trainees[1].id}`).textContent()).toContain('Edgars Vanags: punkti pārsniedz');
    await expectAccessible(b.page, 'exam-sheet-error-phone');
    expect(await results(sheetExam)).toEqual({});
    expect(await anna.inputValue()).toBe('7,5');
    await b.page.locator(`#field-score-${trainees[1].id}`).fill('6');
    await Promise.all([
      b.page.waitForURL(`**/exams/${sheetExam.id}/sheet`),
      b.page.getByRole('button', { name: 'Saglabāt rezultātus' }).click(),
    ]);
    await b.page.getByText('Saglabāti rezultāti: 3.').waitFor();
    expect(await results(sheetExam)).toEqual({
      'Anna Bērziņa': ['passed', '7.50'],
      'Edgars Vanags': ['failed', '6.00'],
      'Ieva Skujiņa': ['absent', null],
    });
    expect(await anna.inputValue()).toBe('7,5');
    await b.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('uploads a CSV, shows the changes and the refused lines, and applies them', async () => {
    await visit(b.page, `/exams/${uploadExam.id}/sheet`);
    const csv = [
      'email;name;score;status;version',
      `${trainees[0].email};Anna Bērziņa;9;;0`,
      `${trainees[1].email};Edgars Vanags;;attaisnots;0`,
      `${trainees[2].email};Ieva Skujiņa;nezinu;;0`,
    ].join('\n');
    const file = join(dir, 'rezultati.csv');
    writeFileSync(file, csv);
    await b.page.setInputFiles('#field-file', file);
    await Promise.all([
      b.page.waitForURL(`**/exams/${uploadExam.id}/sheet/upload`),
      b.page.getByRole('button', { name: 'Parādīt izmaiņas' }).click(),
    ]);
    await b.page.getByRole('heading', { name: 'Rezultātu izmaiņas' }).waitFor();
    expect(await b.page.locator('.refused-lines').textContent()).toContain('4. rinda: Ieva Skujiņa: punktiem jābūt skaitlim');
    expect(await b.page.locator('table').textContent()).toContain('9 — nokārtots');
    await expectAccessible(b.page, 'exam-sheet-preview');
    await b.page.setViewportSize(PHONE);
    await expectAccessible(b.page, 'exam-sheet-preview-phone');
    expect(await results(uploadExam)).toEqual({});
    await Promise.all([
      b.page.waitForURL(`**/exams/${uploadExam.id}/sheet`),
      b.page.getByRole('button', { name: 'Saglabāt izmaiņas (2)' }).click(),
    ]);
    await b.page.getByText('Saglabātas izmaiņas no faila: 2.').waitFor();
    expect(await results(uploadExam)).toEqual({ 'Anna Bērziņa': ['passed', '9.00'], 'Edgars Vanags': ['excused', null] });
    await b.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the sheet in English too', async () => {
    await visit(b.page, `/exams/${sheetExam.id}/sheet`);
    await switchLanguage(b.page, 'en');
    await b.page.getByRole('heading', { name: 'Exam results' }).waitFor();
    await expectAccessible(b.page, 'exam-sheet-en');
    await switchLanguage(b.page, 'lv');
  });
});
