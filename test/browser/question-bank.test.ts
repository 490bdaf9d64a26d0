import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { QuestionVersion } from '../../src/exams/question-version.entity';
import { Question } from '../../src/exams/question.entity';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createInstructor } from '../support/factories';
import { createCohort, createPart, createProgramme } from '../support/schedule-factories';

const PHONE = { width: 360, height: 740 };

/** Presses a button in the page's main part and waits for the next page; answers the POST's status. */
async function press(page: Page, name: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator('main').getByRole('button', { name, exact: true }).first().click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

describe('question bank pages in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let bankPath: string;
  let partId: string;

  beforeAll(async () => {
    t = await serveWebApp();
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource), { titleLv: 'Projektu vadība' });
    partId = part.id;
    const instructor = await createInstructor(t.dataSource);
    await createCohort(t.dataSource, part, { instructors: [instructor] });
    bankPath = `/parts/${part.id}/questions`;
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, instructor.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('an instructor makes a category, then writes a single-choice question through the form', async () => {
    await visit(b.page, '/my/cohorts');
    await Promise.all([b.page.waitForURL(`**${bankPath}`), b.page.getByRole('link', { name: 'Jautājumu banka' }).click()]);
    await expectAccessible(b.page, 'question-bank-empty');
    await b.page.fill('#field-name', 'Projektu vadība/Plānošana');
    expect(await press(b.page, 'Izveidot kategoriju')).toBe(303);
    await b.page.getByRole('link', { name: 'Projektu vadība/Plānošana' }).waitFor();

    await b.page.getByRole('link', { name: 'Viena pareiza atbilde' }).click();
    await b.page.waitForLoadState('load');
    await expectAccessible(b.page, 'question-form-single');
    await b.page.selectOption('#field-categoryId', { label: 'Projektu vadība/Plānošana' });
    await b.page.fill('#field-name', 'Plāna apstiprināšana');
    await b.page.fill('#field-text', 'Kas apstiprina projekta **plānu**?');
    await b.page.fill('#field-points', '2');
    await b.page.fill('[id="field-choices.0.text"]', 'Projekta padome');
    await b.page.fill('[id="field-choices.0.percent"]', '90');
    await b.page.fill('[id="field-choices.1.text"]', 'Projekta komandas loceklis');
    await b.page.fill('[id="field-choices.1.percent"]', '0');
    // No choice worth full marks: refused beside the choices, with what was typed kept.
    expect(await press(b.page, 'Saglabāt jautājumu')).toBe(422);
    await b.page.getByText('Vismaz vienai atbildei jābūt 100 % vērtai.').first().waitFor();
    expect(await b.page.inputValue('[id="field-choices.1.text"]')).toBe('Projekta komandas loceklis');
    await expectAccessible(b.page, 'question-form-refused');

    await b.page.fill('[id="field-choices.0.percent"]', '100');
    await b.page.fill('[id="field-choices.0.feedback"]', 'Pareizi: padome apstiprina plānu.');
    expect(await press(b.page, 'Saglabāt jautājumu')).toBe(303);
    await b.page.getByRole('heading', { name: 'Plāna apstiprināšana', level: 1 }).waitFor();
    await expectAccessible(b.page, 'question-show');
    const question = await t.dataSource.getRepository(Question).findOneByOrFail({ partId });
    const version = await t.dataSource.getRepository(QuestionVersion).findOneByOrFail({ questionId: question.id });
    expect(version.body).toEqual({
      kind: 'single',
      choices: [
        { id: 'c1', text: 'Projekta padome', fraction: 1, feedback: 'Pareizi: padome apstiprina plānu.' },
        { id: 'c2', text: 'Projekta komandas loceklis', fraction: 0 },
      ],
    });
  });

  it('an instructor imports a Moodle XML file through the form and reads the report', async () => {
    await visit(b.page, `${bankPath}/import`);
    await expectAccessible(b.page, 'question-import-form');
    await b.page.selectOption('#field-categoryId', { label: 'Projektu vadība/Plānošana' });
    await b.page.setInputFiles('#field-file', {
      name: 'projektu-vadiba.xml',
      mimeType: 'text/xml',
      buffer: readFileSync(join(__dirname, '..', 'fixtures', 'moodle-projektu-vadiba.xml')),
    });
    expect(await press(b.page, 'Importēt')).toBe(200);
    await b.page.getByText('Importēti 6 jautājumi, atraidīti: 2.').waitFor();
    await b.page.getByText('Šāda veida jautājumus platforma neatbalsta (matching).').waitFor();
    await expectAccessible(b.page, 'question-import-report');
  });

  it('an instructor edits the question into a new version, archives and restores it', async () => {
    const [question] = await t.dataSource.query<{ id: string }[]>(
      `SELECT q.id FROM questions q JOIN question_versions v ON v.question_id = q.id WHERE q.part_id = $1 AND v.name = 'Plāna apstiprināšana'`,
      [partId],
    );
    await visit(b.page, `/questions/${question.id}/edit`);
    await expectAccessible(b.page, 'question-form-edit');
    await b.page.fill('#field-points', '3');
    await b.page.fill('[id="field-choices.2.text"]', 'Pasūtītāja jurists');
    expect(await press(b.page, 'Saglabāt jaunu versiju')).toBe(303);
    await b.page.getByRole('cell', { name: 'Pasūtītāja jurists', exact: true }).waitFor();
    expect(await t.dataSource.getRepository(QuestionVersion).countBy({ questionId: question.id })).toBe(2);
    expect(await press(b.page, 'Arhivēt')).toBe(303);
    await b.page.getByRole('button', { name: 'Atjaunot', exact: true }).waitFor();
    expect(await press(b.page, 'Atjaunot')).toBe(303);
    await b.page.getByRole('button', { name: 'Arhivēt', exact: true }).waitFor();
  });

  it('an instructor finds questions, renames a category and deletes an empty one', async () => {
    await visit(b.page, bankPath);
    await b.page.selectOption('#field-kind', 'single');
    await b.page.fill('#field-q', 'apstiprin');
    await Promise.all([b.page.waitForURL(/kind=single/), b.page.getByRole('button', { name: 'Atlasīt', exact: true }).click()]);
    await b.page.getByRole('link', { name: 'Plāna apstiprināšana' }).waitFor();
    expect(await b.page.getByRole('link', { name: 'Projekta dzīves cikla pirmā fāze' }).count()).toBe(0);

    await visit(b.page, bankPath);
    await b.page.fill('#field-name', 'Lieka kategorija');
    expect(await press(b.page, 'Izveidot kategoriju')).toBe(303);
    const rename = b.page.locator('form', { has: b.page.locator('input[value="Lieka kategorija"]') });
    await rename.locator('input[type=text]').fill('Projektu vadība/Plānošana');
    const [taken] = await Promise.all([
      b.page.waitForResponse((r) => r.request().method() === 'POST'),
      rename.getByRole('button', { name: /Pārdēvēt/ }).click(),
    ]);
    expect(taken.status()).toBe(422);
    await b.page.getByText('Kategorija ar šādu nosaukumu jau ir.').first().waitFor();
    await expectAccessible(b.page, 'question-category-rename-refused');
    const again = b.page.locator('form', { has: b.page.locator('input[aria-invalid="true"]') });
    await again.locator('input[type=text]').fill('Vēl tukša');
    await Promise.all([
      b.page.waitForResponse((r) => r.request().method() === 'POST'),
      again.getByRole('button', { name: /Pārdēvēt/ }).click(),
    ]);
    await b.page.getByRole('link', { name: 'Vēl tukša' }).waitFor();
    await Promise.all([
      b.page.waitForResponse((r) => r.request().method() === 'POST'),
      b.page.getByRole('button', { name: /Dzēst.*Vēl tukša/ }).click(),
    ]);
    await b.page.getByText('Kategorija izdzēsta.').waitFor();
    expect(await b.page.getByRole('link', { name: 'Vēl tukša' }).count()).toBe(0);
  });

  it('the bank page works on a phone', async () => {
    await b.page.setViewportSize(PHONE);
    await visit(b.page, bankPath);
    await b.page.getByRole('link', { name: 'Plāna apstiprināšana' }).waitFor();
    await expectAccessible(b.page, 'question-bank-phone');
    const width = await b.page.evaluate('document.documentElement.scrollWidth');
    expect(Number(width)).toBeLessThanOrEqual(PHONE.width);
    await visit(b.page, `${bankPath}/new?kind=multiple`);
    await expectAccessible(b.page, 'question-form-multiple-phone');
    expect(Number(await b.page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
  });
});
