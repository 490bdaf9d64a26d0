import { rmSync } from 'node:fs';
import { StorageService } from '../../src/storage/storage.service';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createInstructor, createTrainee } from '../support/factories';
import { createAssignment, handIn, onePagePdf } from '../support/grading-factories';
import { createCohort, createPart, createProgramme, enrol } from '../support/schedule-factories';
import { useTemporaryUploadDir } from '../support/uploads';

const uploadDir = useTemporaryUploadDir();
const PHONE = { width: 375, height: 667 };

describe('grading pages in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let submissionPath: string;
  let returnPath: string;

  beforeAll(async () => {
    t = await serveWebApp();
    const instructor = await createInstructor(t.dataSource, { name: 'Inese Kalniņa' });
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: '2012. gada rudens grupa',
      instructors: [instructor],
    });
    const trainee = await createTrainee(t.dataSource, { name: 'Jānis Bērziņš' });
    await enrol(t.dataSource, cohort, trainee);
    const assignment = await createAssignment(t.dataSource, { cohort }, { title: 'Projekta pieteikuma melnraksts' });
    const submission = await handIn(t.dataSource, t.app.get(StorageService), assignment, trainee, {
      text: 'Pielikumā pieteikums.',
      files: [{ name: 'pieteikums.pdf', content: onePagePdf('Projekta pieteikums') }],
      lateSeconds: 5400,
    });
    submissionPath = `/grading/submissions/${submission.id}`;
    // Due 26.04.2099 23:59 in Riga: months after it was handed in.
    const final = await createAssignment(t.dataSource, { cohort }, { title: 'Gala projekts', dueAt: new Date('2099-04-26T20:59:00Z') });
    returnPath = `/grading/submissions/${(await handIn(t.dataSource, null, final, trainee, { text: 'Gala projekta melnraksts.', submittedAt: new Date() })).id}`;
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, instructor.email);
  });
  afterAll(async () => {
    try {
      await b?.close();
      await t?.close();
    } finally {
      rmSync(uploadDir, { recursive: true, force: true });
    }
  });

  it('the queue is reachable from the menu and accessible, on a phone too', async () => {
    await visit(b.page, '/');
    await Promise.all([b.page.waitForURL((url) => url.pathname === '/grading'), b.page.click('nav.site-nav a[href="/grading"]')]);
    await b.page.getByRole('link', { name: 'Jānis Bērziņš' }).first().waitFor();
    await expectAccessible(b.page, 'grading-queue');
    await b.page.setViewportSize(PHONE);
    await expectAccessible(b.page, 'grading-queue-phone');
    await b.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('grades a submission through the form, with the PDF framed beside it, and explains a bad score', async () => {
    await visit(b.page, submissionPath);
    expect(await b.page.locator('iframe[src$="/inline"]').count()).toBe(1);
    // The framed PDF is served inline to this page (frame-ancestors 'self'), and Chromium's viewer draws it.
    // The frame may still be loading when the page's own load event fires: wait for it rather than race it.
    const isPdfFrame = (frame: { url(): string }) => frame.url().endsWith('/inline');
    const framed =
      b.page.frames().find(isPdfFrame) ?? (await b.page.waitForEvent('framenavigated', { predicate: isPdfFrame, timeout: 15000 }));
    expect(framed.url()).toMatch(/\/submission-files\/[0-9a-f-]+\/inline$/);
    await b.page.waitForTimeout(1000);
    await expectAccessible(b.page, 'grading-submission');
    await b.page.fill('#field-score', '11');
    await b.page.click('main form[enctype] button[type=submit]');
    await b.page.getByText('Punktu skaitam jābūt no 0 līdz 10.').first().waitFor();
    await expectAccessible(b.page, 'grading-submission-invalid');
    await b.page.fill('#field-score', '8,5');
    await b.page.fill('#field-feedback', 'Labs darbs. <script>alert(1)</script>');
    await Promise.all([
      b.page.waitForURL((url) => url.pathname === submissionPath),
      b.page.click('main form[enctype] button[type=submit]'),
    ]);
    await b.page.getByText('8,5 no 10 punktiem, ieskaitīts').waitFor();
    expect(await b.page.inputValue('#field-feedback')).toBe('Labs darbs. <script>alert(1)</script>');
    await b.page.setViewportSize(PHONE);
    await expectAccessible(b.page, 'grading-submission-phone');
    await b.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('returns work for revision through the form, keeping the later deadline unless a shorter one is confirmed', async () => {
    await visit(b.page, returnPath);
    const form = b.page.locator(`main form[action="${returnPath}/return"]`);
    expect([
      await form.getByLabel('Jaunais termiņš: datums').inputValue(),
      await form.getByLabel('Jaunais termiņš: laiks').inputValue(),
    ]).toEqual(['2099-04-26', '23:59']);
    await form.getByLabel('Jaunais termiņš: datums').fill('2099-01-10');
    await form.getByLabel('Kas jāpārstrādā').fill('Papildiniet budžeta pamatojumu.');
    const send = async () => {
      const [response] = await Promise.all([
        b.page.waitForResponse((r) => r.request().method() === 'POST'),
        form.getByRole('button', { name: 'Atdot pārstrādāšanai' }).click(),
      ]);
      await b.page.waitForLoadState('load');
      return response.status();
    };
    expect(await send()).toBe(422);
    await b.page.locator('#error-confirmShorter').getByText('Jaunais termiņš ir agrāks par pašreizējo').waitFor();
    expect(await form.getByLabel('Jaunais termiņš: datums').inputValue()).toBe('2099-01-10');
    expect(await form.getByLabel('Kas jāpārstrādā').inputValue()).toBe('Papildiniet budžeta pamatojumu.');
    await expectAccessible(b.page, 'grading-return-shorter');
    await b.page.setViewportSize(PHONE);
    await expectAccessible(b.page, 'grading-return-shorter-phone');
    await b.page.setViewportSize({ width: 1280, height: 900 });
    await form.getByLabel('Jā, saīsināt dalībnieka termiņu').check();
    expect(await send()).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(returnPath);
    await b.page.getByText('2099. gada 10. janvārī plkst. 23:59').first().waitFor();
  });
});
