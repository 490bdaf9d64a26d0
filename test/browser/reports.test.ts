import type { INestApplicationContext } from '@nestjs/common';
import { Grade } from '../../src/grading/grade.entity';
import { startWorker } from '../support/app';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createAdmin, createInstructor, createTrainee } from '../support/factories';
import { createAssignment, handIn } from '../support/grading-factories';
import { markAttendance } from '../support/report-files';
import { createCohort, createPart, createProgramme, createSession, enrol } from '../support/schedule-factories';

const PHONE = { width: 375, height: 667 };
const WIDE = { width: 1280, height: 900 };
const DAY = 86_400_000;

describe('report pages in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let worker: INestApplicationContext;
  let cohortId: string;
  let traineeId: string;

  beforeAll(async () => {
    t = await serveWebApp();
    worker = await startWorker();
    const admin = await createAdmin(t.dataSource, { name: 'Administratore Ilze' });
    const instructor = await createInstructor(t.dataSource, { name: 'Inese Kalniņa' });
    const programme = await createProgramme(t.dataSource, { titleLv: 'Publiskā iepirkuma pamati' });
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, programme, { minAttendancePercent: 80 }), {
      name: '2012. gada rudens grupa',
      instructors: [instructor],
    });
    cohortId = cohort.id;
    const trainees = [];
    for (const name of ['Anna Ābele', 'Jānis Bērziņš', 'Zane Zariņa']) {
      const trainee = await createTrainee(t.dataSource, { name });
      await enrol(t.dataSource, cohort, trainee);
      trainees.push(trainee);
    }
    traineeId = trainees[1].id;
    const statuses = ['present', 'late', 'absent', 'excused'] as const;
    for (let i = 0; i < 12; i += 1) {
      const session = await createSession(t.dataSource, cohort, {
        title: `Nodarbība par līgumu vadību nr. ${i + 1}`,
        startsAt: new Date(Date.now() - (30 - 2 * i) * DAY),
      });
      await markAttendance(
        t.dataSource,
        session.id,
        trainees.map((trainee, j) => [trainee.id, statuses[(i + j) % 4]]),
      );
    }
    const assignment = await createAssignment(t.dataSource, { cohort }, { title: 'Projekta pieteikums' });
    for (const [trainee, score] of [
      [trainees[0], '9.00'],
      [trainees[1], '3.00'],
    ] as const) {
      const submission = await handIn(t.dataSource, null, assignment, trainee);
      await t.dataSource.getRepository(Grade).save({
        submissionId: submission.id,
        versionNumber: 1,
        score,
        passed: score === '9.00',
        status: 'released',
        releasedAt: new Date(),
      });
    }
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, instructor.email);
    void admin;
  });
  afterAll(async () => {
    await b?.close();
    await worker?.close();
    await t?.close();
  });

  it('shows the attendance report with its matrix and chart, accessible and within a phone’s width', async () => {
    await visit(b.page, `/cohorts/${cohortId}/reports/attendance`);
    await b.page.getByRole('heading', { name: 'Apmeklējuma pārskats: 2012. gada rudens grupa' }).waitFor();
    expect(await b.page.locator('figure.chart svg[role="img"]').count()).toBe(1);
    await expectAccessible(b.page, 'attendance-report');
    await b.page.setViewportSize(PHONE);
    expect(Number(await b.page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(b.page, 'attendance-report-phone');
    await b.page.setViewportSize(WIDE);
  });

  it('prints the report without the menus, the links and the forms, with the print button there for those with script', async () => {
    await visit(b.page, `/cohorts/${cohortId}/reports/attendance`);
    expect(await b.page.locator('.print-button').isVisible()).toBe(true);
    await b.page.emulateMedia({ media: 'print' });
    expect(await b.page.locator('.site-header').isVisible()).toBe(false);
    expect(await b.page.locator('.report-downloads').isVisible()).toBe(false);
    expect(await b.page.locator('table.matrix').isVisible()).toBe(true);
    expect(await b.page.locator('figure.chart').isVisible()).toBe(true);
    await b.page.emulateMedia({ media: 'screen' });
  });

  it('filters and sorts the gradebook with its form, on the server', async () => {
    await visit(b.page, `/cohorts/${cohortId}/reports/gradebook`);
    await b.page.getByLabel('Vārds vai e-pasts').fill('berzins');
    await b.page.getByLabel('Rādīt', { exact: true }).selectOption('missingWork');
    await b.page.getByLabel('Kārtot pēc').selectOption('points');
    await b.page.getByLabel('Secība').selectOption('desc');
    await Promise.all([
      b.page.waitForURL((url) => url.searchParams.get('show') === 'missingWork'),
      b.page.getByRole('button', { name: 'Atlasīt' }).click(),
    ]);
    const url = new URL(b.page.url());
    expect([url.searchParams.get('q'), url.searchParams.get('sort'), url.searchParams.get('dir')]).toEqual(['berzins', 'points', 'desc']);
    const names = await b.page.locator('table.gradebook tbody th[scope="row"]').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(['Jānis Bērziņš']);
    expect(await b.page.getByLabel('Rādīt', { exact: true }).inputValue()).toBe('missingWork');
    await expectAccessible(b.page, 'gradebook-filtered');
    await b.page.setViewportSize(PHONE);
    expect(Number(await b.page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(b.page, 'gradebook-phone');
    await b.page.setViewportSize(WIDE);
  });

  it('starts a background export from the gradebook and follows its progress until the file can be downloaded', async () => {
    await visit(b.page, `/cohorts/${cohortId}/reports/gradebook?sort=points&dir=desc`);
    await b.page.getByLabel('Faila formāts').selectOption('csv');
    await Promise.all([
      b.page.waitForURL(/\/reports\/exports\/[0-9a-f-]{36}$/),
      b.page.getByRole('button', { name: 'Sākt eksportu' }).click(),
    ]);
    await expectAccessible(b.page, 'export-progress');
    const link = b.page.getByRole('link', { name: /Lejupielādēt sekmju-zurnals - 2012\. gada rudens grupa\.csv|Lejupielādēt/ });
    // The page's script asks for the progress and shows the link without a reload.
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    const [download] = await Promise.all([b.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('sekmju-zurnals - 2012. gada rudens grupa.csv');
    const text = await new Promise<string>((resolve, reject) => {
      download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    expect(text.split('\r\n')[1]).toMatch(/^Anna Ābele;/);
    await visit(b.page, b.page.url());
    await expectAccessible(b.page, 'export-done');
  });

  it('shows an administrator a trainee’s record, accessible on a phone', async () => {
    const admin = await openBrowser(t.baseUrl);
    try {
      const person = await createAdmin(t.dataSource);
      await logInAs(admin.page, person.email);
      await visit(admin.page, `/admin/users/${traineeId}/record`);
      await admin.page.getByRole('heading', { name: 'Kopskats: Jānis Bērziņš' }).waitFor();
      await expectAccessible(admin.page, 'trainee-record');
      await admin.page.setViewportSize(PHONE);
      expect(Number(await admin.page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(admin.page, 'trainee-record-phone');
    } finally {
      await admin.close();
    }
  });
});
