import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Cohort } from '../../src/cohorts/cohort.entity';
import { Enrolment } from '../../src/cohorts/enrolment.entity';
import type { Assignment } from '../../src/assignments/assignment.entity';
import { Extension } from '../../src/assignments/extension.entity';
import { rigaDateTimeInputs } from '../../src/i18n/dates';
import { ApiToken } from '../../src/auth/api-token.entity';
import { Indicator } from '../../src/programmes/indicator.entity';
import { Part } from '../../src/programmes/part.entity';
import { Session } from '../../src/sessions/session.entity';
import { Programme } from '../../src/programmes/programme.entity';
import { User } from '../../src/users/user.entity';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createAdmin, createInstructor, createTrainee } from '../support/factories';
import { pdfBytes, pngBytes } from '../support/files';
import { createAssignment } from '../support/grading-factories';
import { createCohort, createPart, createProgramme, enrol } from '../support/schedule-factories';
import { useTemporaryUploadDir } from '../support/uploads';

const uploadDir = useTemporaryUploadDir();
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 900 };

/** Presses a button in the page's main part and waits for the next page; answers the POST's status. */
async function press(page: Page, name: string | RegExp, within = 'main'): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page
      .locator(within)
      .getByRole('button', { name, exact: typeof name === 'string' })
      .first()
      .click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

/** The page passes axe at desktop width and again on a phone screen, with no sideways scrolling there. */
async function expectAccessibleBothWays(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await page.setViewportSize(PHONE);
  try {
    await expectAccessible(page, `${name}-phone`);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

/** The administrator's forms, each filled in and submitted as a person would. */
describe('administration forms submitted in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let adminEmail: string;

  beforeAll(async () => {
    t = await serveWebApp();
    adminEmail = (await createAdmin(t.dataSource, { name: 'Ilze Ozola' })).email;
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, adminEmail);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('creates a programme and an indicator, and deletes the indicator only after confirming', async () => {
    const title = `Digitālās prasmes ${Date.now()}`;
    await visit(b.page, '/admin/programmes/new');
    await b.page.fill('#field-titleLv', title);
    await b.page.fill('#field-projectTitle', 'Pašvaldības darbinieku digitālo prasmju pilnveide');
    await b.page.fill('#field-agreementNumber', 'Nr. 4.2.1/16/I/001');
    await b.page.fill('#field-funder', 'Eiropas Sociālais fonds');
    await b.page.fill('#field-fundingStatement', 'Projektu līdzfinansē Eiropas Sociālais fonds.');
    expect(await press(b.page, 'Izveidot programmu')).toBe(303);
    const programme = await t.dataSource.getRepository(Programme).findOneByOrFail({ titleLv: title });
    expect(new URL(b.page.url()).pathname).toBe(`/admin/programmes/${programme.id}`);

    await Promise.all([
      b.page.waitForURL((url) => url.pathname.endsWith('/indicators/new')),
      b.page.getByRole('link', { name: 'Pievienot rādītāju' }).click(),
    ]);
    await b.page.fill('#field-nameLv', 'Apmācīti darbinieki');
    await b.page.selectOption('#field-metric', 'trainees_completed');
    await b.page.fill('#field-target', '27');
    expect(await press(b.page, 'Saglabāt')).toBe(303);
    await b.page.getByRole('cell', { name: 'Apmācīti darbinieki', exact: true }).waitFor();

    // One click asks; nothing is deleted until the person says yes.
    expect(await press(b.page, 'Dzēst Apmācīti darbinieki')).toBe(200);
    await b.page.getByRole('heading', { name: 'Dzēst rādītāju “Apmācīti darbinieki”?' }).waitFor();
    expect(await t.dataSource.getRepository(Indicator).countBy({ programmeId: programme.id })).toBe(1);
    await expectAccessibleBothWays(b.page, 'forms-confirm-delete-indicator');
    await Promise.all([
      b.page.waitForURL((url) => url.pathname === `/admin/programmes/${programme.id}`),
      b.page.getByRole('link', { name: 'Nē, atgriezties' }).click(),
    ]);
    expect(await press(b.page, 'Dzēst Apmācīti darbinieki')).toBe(200);
    expect(await press(b.page, 'Jā, dzēst')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(`/admin/programmes/${programme.id}`);
    expect(await t.dataSource.getRepository(Indicator).countBy({ programmeId: programme.id })).toBe(0);
  });

  it('enrols a trainee found by search, imports a CSV whose report says what happened to each row, and withdraws', async () => {
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Pavasara grupa',
      capacity: 5,
    });
    const found = await createTrainee(t.dataSource, { name: `Marta Meklētā ${Date.now()}` });
    const listed = await createTrainee(t.dataSource, { name: 'Pēteris Sarakstā' });
    const path = `/admin/cohorts/${cohort.id}`;
    await visit(b.page, path);
    await b.page.fill('#field-q', found.name);
    await Promise.all([b.page.waitForURL((url) => url.searchParams.has('q')), b.page.press('#field-q', 'Enter')]);
    expect(await press(b.page, `Uzņemt ${found.name}`)).toBe(303);
    await b.page.getByRole('cell', { name: found.name, exact: true }).waitFor();

    // A file with one bad row: nobody is imported, and the good row says so instead of "confirmed".
    await b.page.getByLabel('Vai ielīmējiet CSV saturu').fill(`email;status\n${listed.email};enrolled\nnezinams@daugavpils.lv;`);
    expect(await press(b.page, 'Uzņemt no faila')).toBe(422);
    const goodRow = b.page.getByRole('row', { name: new RegExp(listed.email) });
    await goodRow.getByText('Nav uzņemts: rinda ir pareiza (būtu “Dalība apstiprināta”), bet citās rindās ir kļūdas.').waitFor();
    expect(b.page.url()).not.toContain('_csrf');
    await expectAccessibleBothWays(b.page, 'forms-enrolment-import-refused');
    expect(await t.dataSource.getRepository(Enrolment).countBy({ cohortId: cohort.id, userId: listed.id })).toBe(0);

    await visit(b.page, path);
    await b.page.getByLabel('Vai ielīmējiet CSV saturu').fill(`email;status\n${listed.email};enrolled`);
    expect(await press(b.page, 'Uzņemt no faila')).toBe(200);
    await b.page
      .getByRole('row', { name: new RegExp(listed.email) })
      .getByText('Dalība apstiprināta')
      .waitFor();
    await expectAccessible(b.page, 'forms-enrolment-import-done');

    await visit(b.page, path);
    await Promise.all([
      b.page.waitForURL((url) => url.pathname.endsWith('/withdraw')),
      b.page.getByRole('link', { name: `Atsaukt ${listed.name}` }).click(),
    ]);
    await b.page.getByLabel('Atsaukšanas iemesls').fill('Pārgāja darbā uz citu iestādi');
    expect(await press(b.page, 'Atsaukt no grupas')).toBe(303);
    expect((await t.dataSource.getRepository(Enrolment).findOneByOrFail({ cohortId: cohort.id, userId: listed.id })).status).toBe(
      'withdrawn',
    );
  });

  it('creates an API token and revokes it after confirming', async () => {
    const owner = await createTrainee(t.dataSource, { name: 'Atskaišu Lietotājs' });
    await visit(b.page, `/admin/users/${owner.id}/tokens/new`);
    await b.page.getByLabel('Nosaukums').fill('Atskaišu skripts');
    expect(await press(b.page, 'Izveidot atslēgu')).toBe(201);
    await visit(b.page, `/admin/users/${owner.id}`);
    expect(await press(b.page, 'Atsaukt Atskaišu skripts')).toBe(200);
    await b.page.getByRole('heading', { name: 'Atsaukt API atslēgu “Atskaišu skripts”?' }).waitFor();
    await expectAccessible(b.page, 'forms-confirm-revoke-token');
    expect(await press(b.page, 'Jā, atsaukt')).toBe(303);
    expect((await t.dataSource.getRepository(ApiToken).findOneByOrFail({ userId: owner.id })).revokedAt).toBeInstanceOf(Date);
  });

  it('adds a part to a programme and a cohort to the part through their forms', async () => {
    const programme = await createProgramme(t.dataSource);
    const title = `Iepirkumu pamati ${Date.now()}`;
    await visit(b.page, `/admin/programmes/${programme.id}/parts/new`);
    await b.page.fill('#field-titleLv', title);
    await b.page.fill('#field-academicHours', '16');
    await b.page.fill('#field-minAttendancePercent', '80');
    expect(await press(b.page, 'Saglabāt')).toBe(303);
    const part = await t.dataSource.getRepository(Part).findOneByOrFail({ programmeId: programme.id, titleLv: title });

    const [startsOn] = rigaDateTimeInputs(new Date(Date.now() + 30 * 86_400_000));
    const [endsOn] = rigaDateTimeInputs(new Date(Date.now() + 60 * 86_400_000));
    await visit(b.page, '/admin/cohorts/new');
    await b.page.selectOption('#field-partId', part.id);
    await b.page.fill('#field-name', 'Vasaras grupa');
    await b.page.fill('#field-startsOn', startsOn);
    await b.page.fill('#field-endsOn', endsOn);
    await b.page.fill('#field-capacity', '20');
    expect(await press(b.page, 'Izveidot grupu')).toBe(303);
    expect(await t.dataSource.getRepository(Cohort).countBy({ partId: part.id, name: 'Vasaras grupa' })).toBe(1);
  });

  it('edits a user and imports users from pasted CSV through their forms', async () => {
    const person = await createTrainee(t.dataSource, { name: 'Anna Labojamā' });
    await visit(b.page, `/admin/users/${person.id}`);
    await b.page.locator('main').getByLabel('Vārds, uzvārds').fill('Anna Labotā');
    expect(await press(b.page, 'Saglabāt')).toBe(303);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: person.id })).name).toBe('Anna Labotā');

    const email = `imports-${Date.now()}@daugavpils.lv`;
    await visit(b.page, '/admin/users/import');
    await b.page.getByLabel('…vai ielīmējiet CSV saturu šeit').fill(`email;name;roles\n${email};Kārlis Importētais;trainee`);
    expect(await press(b.page, 'Importēt')).toBe(303);
    expect(b.page.url()).not.toContain('_csrf');
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ email })).name).toBe('Kārlis Importētais');
  });

  it('uploads a programme logo and removes it after confirming', async () => {
    const programme = await createProgramme(t.dataSource, { titleLv: 'Logotipa programma' });
    const path = `/admin/programmes/${programme.id}`;
    await visit(b.page, path);
    await b.page.setInputFiles('#field-logo', { name: 'logo.png', mimeType: 'image/png', buffer: pngBytes() });
    expect(await press(b.page, 'Augšupielādēt logotipu')).toBe(303);
    expect(await press(b.page, 'Noņemt logotipu')).toBe(200);
    await b.page.getByRole('heading', { name: 'Noņemt programmas “Logotipa programma” logotipu?' }).waitFor();
    await expectAccessible(b.page, 'forms-confirm-remove-logo');
    expect(await press(b.page, 'Jā, noņemt')).toBe(303);
    expect((await t.dataSource.getRepository(Programme).findOneByOrFail({ id: programme.id })).logoKey).toBeNull();
  });

  it('schedules a session, then restores it after it was cancelled, through their forms', async () => {
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Grafika grupa',
    });
    const [day] = rigaDateTimeInputs(new Date(Date.now() + 40 * 86_400_000));
    await visit(b.page, `/cohorts/${cohort.id}/sessions/new`);
    await b.page.fill('#field-title', 'Publiskie iepirkumi');
    await b.page.fill('#field-startDate', day);
    await b.page.fill('#field-startTime', '10:00');
    await b.page.fill('#field-endTime', '13:00');
    await b.page.fill('#field-onlineUrl', 'https://meet.example.lv/iepirkumi');
    expect(await press(b.page, 'Saglabāt')).toBe(303);
    const session = await t.dataSource.getRepository(Session).findOneByOrFail({ cohortId: cohort.id, title: 'Publiskie iepirkumi' });
    await t.dataSource.getRepository(Session).update({ id: session.id }, { status: 'cancelled', cancellationReason: 'Lektors slims' });
    await visit(b.page, `/sessions/${session.id}/restore`);
    await b.page.getByLabel('Iemesls').fill('Lektors atveseļojies');
    expect(await press(b.page, 'Atjaunot nodarbību')).toBe(303);
    expect((await t.dataSource.getRepository(Session).findOneByOrFail({ id: session.id })).status).toBe('scheduled');
  });

  it('disables a user from the list after confirming, enables them again and resends the invitation', async () => {
    const person = await createTrainee(t.dataSource, { name: `Dace Atspējojamā ${Date.now()}` });
    await visit(b.page, `/admin/users?q=${encodeURIComponent(person.name)}`);
    expect(await press(b.page, `Atspējot ${person.name}`)).toBe(200);
    await b.page.getByRole('heading', { name: `Atspējot lietotāju ${person.name}?` }).waitFor();
    await expectAccessibleBothWays(b.page, 'forms-confirm-disable-user');
    expect(await press(b.page, 'Jā, atspējot')).toBe(303);
    // Back on the list it came from, with its search.
    expect(new URL(b.page.url()).searchParams.get('q')).toBe(person.name);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: person.id })).disabledAt).toBeInstanceOf(Date);
    expect(await press(b.page, `Iespējot ${person.name}`)).toBe(303);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: person.id })).disabledAt).toBeNull();
    await visit(b.page, `/admin/users/${person.id}`);
    expect(await press(b.page, 'Nosūtīt ielūgumu vēlreiz')).toBe(303);
    await b.page.getByText('Jauns ielūgums nosūtīts').first().waitFor();
  });

  it('saves the profile through its form', async () => {
    await visit(b.page, '/profile');
    await b.page.locator('main').getByLabel('Vārds, uzvārds').fill('Ilze Ozola-Kalniņa');
    expect(await press(b.page, 'Saglabāt')).toBe(303);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ email: adminEmail })).name).toBe('Ilze Ozola-Kalniņa');
  });
});

/** A trainee's own forms: handing in work (with removing a draft file) and renewing the calendar link. */
describe("a trainee's forms submitted in Chromium", () => {
  let t: ServedApp;
  let b: TestBrowser;
  let assignmentPath: string;

  beforeAll(async () => {
    t = await serveWebApp();
    const trainee = await createTrainee(t.dataSource, { name: 'Līga Iesniedzēja' });
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Rudens grupa',
    });
    await enrol(t.dataSource, cohort, trainee);
    const assignment = await createAssignment(
      t.dataSource,
      { cohort },
      { title: 'Projekta budžets', dueAt: new Date(Date.now() + 7 * 86_400_000), maxFiles: 3, allowText: true },
    );
    assignmentPath = `/assignments/${assignment.id}`;
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, trainee.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('saves a draft with a file, removes the file after confirming, and hands the work in', async () => {
    await visit(b.page, assignmentPath);
    await b.page.getByLabel('Atbilde').fill('Budžeta tāme ar pamatojumu.');
    await b.page.setInputFiles('#field-files', { name: 'Tāme.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    expect(await press(b.page, 'Saglabāt melnrakstu')).toBe(303);
    await b.page.getByRole('link', { name: 'Tāme.pdf' }).waitFor();

    expect(await press(b.page, /^Noņemt.*Tāme\.pdf/)).toBe(200);
    await b.page.getByRole('heading', { name: 'Noņemt failu “Tāme.pdf” no melnraksta?' }).waitFor();
    await expectAccessibleBothWays(b.page, 'forms-confirm-remove-draft-file');
    expect(await press(b.page, 'Jā, noņemt')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(assignmentPath);
    expect(await b.page.getByRole('link', { name: 'Tāme.pdf' }).count()).toBe(0);

    await b.page.setInputFiles('#field-files', { name: 'Tāme galīgā.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    expect(await press(b.page, 'Iesniegt')).toBe(303);
    await b.page.getByText('Darbs iesniegts.').first().waitFor();
    expect(b.page.url()).not.toContain('_csrf');
  });

  it('renews the calendar link only after confirming', async () => {
    await visit(b.page, '/my/calendar');
    const before = await b.page.inputValue('#calendar-url');
    expect(await press(b.page, 'Izveidot jaunu saiti')).toBe(200);
    await b.page.getByRole('heading', { name: 'Izveidot jaunu kalendāra saiti?' }).waitFor();
    await expectAccessible(b.page, 'forms-confirm-renew-calendar');
    expect(await press(b.page, 'Jā, izveidot jaunu saiti')).toBe(303);
    expect(await b.page.inputValue('#calendar-url')).not.toBe(before);
  });
});

/** An instructor's coursework forms: an attachment added and removed, and an extension granted. */
describe("an instructor's coursework forms submitted in Chromium", () => {
  let t: ServedApp;
  let b: TestBrowser;
  let assignment: Assignment;
  let trainee: User;

  beforeAll(async () => {
    t = await serveWebApp();
    const instructor = await createInstructor(t.dataSource, { name: 'Inese Kalniņa' });
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Ziemas grupa',
      instructors: [instructor],
    });
    trainee = await createTrainee(t.dataSource, { name: 'Jānis Pagarinātais' });
    await enrol(t.dataSource, cohort, trainee);
    assignment = await createAssignment(
      t.dataSource,
      { cohort },
      { title: 'Riska reģistrs', dueAt: new Date(Date.now() + 7 * 86_400_000) },
    );
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, instructor.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('adds an attachment to an assignment and removes it after confirming', async () => {
    const path = `/assignments/${assignment.id}`;
    await visit(b.page, path);
    await b.page.setInputFiles('#field-file', { name: 'Vadlīnijas.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    expect(await press(b.page, 'Pievienot')).toBe(303);
    await b.page.getByRole('link', { name: 'Vadlīnijas.pdf' }).waitFor();
    expect(await press(b.page, /^Noņemt.*Vadlīnijas\.pdf/)).toBe(200);
    await b.page.getByRole('heading', { name: 'Noņemt pielikumu “Vadlīnijas.pdf”?' }).waitFor();
    await expectAccessible(b.page, 'forms-confirm-remove-attachment');
    expect(await press(b.page, 'Jā, noņemt')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    expect(await b.page.getByRole('link', { name: 'Vadlīnijas.pdf' }).count()).toBe(0);
  });

  it('grants an extension through the form on the trainees page', async () => {
    await visit(b.page, `/assignments/${assignment.id}/trainees`);
    const [dueDate] = rigaDateTimeInputs(new Date(Date.now() + 14 * 86_400_000));
    await b.page.selectOption('#field-userId', trainee.id);
    await b.page.fill('#field-dueDate', dueDate);
    await b.page.fill('#field-dueTime', '18:00');
    await b.page.getByLabel('Iemesls').fill('Slimības lapa');
    expect(await press(b.page, 'Piešķirt')).toBe(303);
    const extension = await t.dataSource.getRepository(Extension).findOneByOrFail({ assignmentId: assignment.id, userId: trainee.id });
    expect([rigaDateTimeInputs(extension.dueAt), extension.reason]).toEqual([[dueDate, '18:00'], 'Slimības lapa']);
  });
});
