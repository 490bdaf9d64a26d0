import { ExamAccommodation } from '../../src/exams/exam-accommodation.entity';
import { Exam } from '../../src/exams/exam.entity';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import type { User } from '../../src/users/user.entity';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createInstructor, createTrainee } from '../support/factories';
import { createBank } from '../support/exam-factories';
import { createCohort, createPart, createProgramme, enrol } from '../support/schedule-factories';

const PHONE = { width: 360, height: 740 };

/** An instructor sets up an online exam and a trainee's accommodation through the forms, on a phone screen. */
describe('setting up an exam in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let instructor: User;
  let trainee: User;
  let cohort: Cohort;

  beforeAll(async () => {
    t = await serveWebApp();
    const ds = t.dataSource;
    instructor = await createInstructor(ds, { name: 'Pasniedzējs Jānis' });
    const part = await createPart(ds, await createProgramme(ds));
    cohort = await createCohort(ds, part, { instructors: [instructor] });
    trainee = await createTrainee(ds, { name: 'Dalībnieks Pēteris' });
    await enrol(ds, cohort, trainee);
    await createBank(ds, part);
    b = await openBrowser(t.baseUrl);
    await b.page.setViewportSize(PHONE);
    await logInAs(b.page, instructor.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('creates an exam (a mistake first, shown by its field) and an accommodation that the closing time cuts', async () => {
    const page = b.page;
    await visit(page, `/cohorts/${cohort.id}/exams`);
    await expectAccessible(page, 'exam-list-staff');
    await Promise.all([page.waitForURL(/\/exams\/new$/), page.getByRole('link', { name: 'Jauns pārbaudījums' }).click()]);
    await expectAccessible(page, 'exam-form');
    await page.fill('#field-title', 'Noslēguma pārbaudījums');
    await page.fill('#field-passMark', '60');
    await page.fill('#field-opensDate', '2026-12-14');
    await page.fill('#field-opensTime', '10:00');
    await page.fill('#field-closesDate', '2026-12-14');
    await page.fill('#field-closesTime', '11:00');
    await page.fill('#field-timeLimitMinutes', '45');
    await page.getByLabel('Projekta definīcija').check();
    await page.getByLabel('Ganta diagramma').check();
    await page.getByLabel('Riski').check();
    await page.fill('#field-closesTime', '09:00');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('Beigu laikam jābūt pēc sākuma laika.').first().waitFor();
    await expectAccessible(page, 'exam-form-errors');
    expect(await t.dataSource.getRepository(Exam).count({ where: { cohortId: cohort.id } })).toBe(0);

    await page.fill('#field-closesTime', '11:00');
    await Promise.all([page.waitForURL(/\/exams\/[0-9a-f-]+$/), page.getByRole('button', { name: 'Saglabāt' }).click()]);
    const exam = await t.dataSource.getRepository(Exam).findOneByOrFail({ cohortId: cohort.id });
    expect(exam).toMatchObject({ maxPoints: '7.00', timeLimitMinutes: 45, mode: 'online' });
    expect(exam.selection).toMatchObject({ kind: 'fixed' });
    await expectAccessible(page, 'exam-staff');

    await page.selectOption('#field-userId', trainee.id);
    await page.fill('#field-timeFactor', '1,5');
    await page.fill('#field-extraMinutes', '10');
    await page.fill('#field-note', 'Ārsta izziņa');
    await page.getByRole('button', { name: 'Saglabāt pielāgojumu' }).click();
    await page.getByText('beigu laiks saīsina šim dalībniekam').waitFor();
    const row = await t.dataSource.getRepository(ExamAccommodation).findOneByOrFail({ examId: exam.id, userId: trainee.id });
    expect(row).toMatchObject({ timeFactor: '1.50', extraMinutes: 10, note: 'Ārsta izziņa' });
    await expectAccessible(page, 'exam-staff-accommodation');

    // Changing it starts from what is set: the row's "Mainīt" fills the form with it.
    await page.getByRole('link', { name: new RegExp(`^Mainīt.*${trainee.name}`) }).click();
    await page.getByRole('heading', { name: 'Mainīt pielāgojumu' }).waitFor();
    expect(await page.inputValue('#field-userId')).toBe(trainee.id);
    expect(await page.inputValue('#field-timeFactor')).toBe('1.5');
    expect(await page.inputValue('#field-note')).toBe('Ārsta izziņa');
    await page.fill('#field-extraMinutes', '20');
    await page.getByRole('button', { name: 'Saglabāt pielāgojumu' }).click();
    await page.getByText('beigu laiks saīsina šim dalībniekam').waitFor();
    const changed = await t.dataSource.getRepository(ExamAccommodation).findOneByOrFail({ examId: exam.id, userId: trainee.id });
    expect(changed).toMatchObject({ timeFactor: '1.50', extraMinutes: 20, note: 'Ārsta izziņa' });

    await page.locator(`form[action$="/accommodations/${trainee.id}/delete"] button`).click();
    await page.getByText(`Noņemt pielāgojumu dalībniekam ${trainee.name}?`).waitFor();
    await expectAccessible(page, 'exam-accommodation-remove-confirm');
    await page.getByRole('button', { name: 'Noņemt' }).click();
    await page.getByText('Pielāgojums noņemts.').waitFor();
    expect(await t.dataSource.getRepository(ExamAccommodation).count({ where: { examId: exam.id } })).toBe(0);
  });
});
