import { rmSync } from 'node:fs';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createInstructor, createTrainee } from '../support/factories';
import { pdfBytes, pngBytes } from '../support/files';
import { createCohort, createPart, createProgramme, enrol } from '../support/schedule-factories';
import { useTemporaryUploadDir } from '../support/uploads';

const uploadDir = useTemporaryUploadDir();
const PHONE = { width: 375, height: 667 };

describe('materials pages in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let cohortPath: string;
  let partPath: string;
  let traineeEmail: string;

  beforeAll(async () => {
    t = await serveWebApp();
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource), {
      titleLv: 'Projektu vadības specifika dažāda veida projektos',
    });
    const instructor = await createInstructor(t.dataSource);
    const cohort = await createCohort(t.dataSource, part, { name: '2012. gada pavasara grupa', instructors: [instructor] });
    const trainee = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, trainee);
    traineeEmail = trainee.email;
    cohortPath = `/cohorts/${cohort.id}/materials`;
    partPath = `/parts/${part.id}/materials`;
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

  it('an instructor uploads a file through the form and the list shows it', async () => {
    await visit(b.page, cohortPath);
    await expectAccessible(b.page, 'materials-cohort-empty');
    await b.page.fill('#field-title', 'Ievadlekcijas slaidi');
    await b.page.setInputFiles('#field-file', { name: 'Ievadlekcija — slaidi.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    const [posted] = await Promise.all([
      b.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === cohortPath),
      b.page.click('main form[enctype] button[type=submit]'),
    ]);
    expect(posted.status()).toBe(303);
    await b.page.getByRole('cell', { name: 'Ievadlekcijas slaidi', exact: true }).waitFor();
    await expectAccessible(b.page, 'materials-cohort-list');
  });

  it('a refused file is explained on the form, accessibly', async () => {
    await visit(b.page, cohortPath);
    await b.page.fill('#field-title', 'Attēls');
    await b.page.setInputFiles('#field-file', { name: 'Attēls.pdf', mimeType: 'application/pdf', buffer: pngBytes() });
    await b.page.click('main form[enctype] button[type=submit]');
    await b.page.getByText('Faila „Attēls.pdf” saturs neatbilst tā paplašinājumam').first().waitFor();
    // The address bar shows the form's own address, never the form's token.
    expect(b.page.url()).toBe(`${t.baseUrl}${cohortPath}`);
    await expectAccessible(b.page, 'materials-upload-refused');
  });

  it('the part page and a phone-sized screen stay accessible', async () => {
    await visit(b.page, partPath);
    await expectAccessible(b.page, 'materials-part');
    await b.page.setViewportSize(PHONE);
    await visit(b.page, cohortPath);
    await expectAccessible(b.page, 'materials-cohort-phone');
    const width = await b.page.evaluate('document.documentElement.scrollWidth');
    expect(Number(width)).toBeLessThanOrEqual(PHONE.width);
  });

  it('a trainee downloads the file in the browser', async () => {
    const trainee = await openBrowser(t.baseUrl);
    try {
      await logInAs(trainee.page, traineeEmail);
      await visit(trainee.page, cohortPath);
      const [download] = await Promise.all([
        trainee.page.waitForEvent('download'),
        trainee.page
          .getByRole('link', { name: /Lejupielādēt/ })
          .first()
          .click(),
      ]);
      expect(download.suggestedFilename()).toBe('Ievadlekcija — slaidi.pdf');
      await expectAccessible(trainee.page, 'materials-trainee');
    } finally {
      await trainee.close();
    }
  });
});
