import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Assignment } from '../../src/assignments/assignment.entity';
import { Cohort } from '../../src/cohorts/cohort.entity';
import { rigaDateTimeInputs, rigaParts, rigaTime } from '../../src/i18n/dates';
import { Material } from '../../src/materials/material.entity';
import { Indicator } from '../../src/programmes/indicator.entity';
import { Part } from '../../src/programmes/part.entity';
import { Programme } from '../../src/programmes/programme.entity';
import { Session } from '../../src/sessions/session.entity';
import type { User } from '../../src/users/user.entity';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createAdmin, createInstructor } from '../support/factories';
import { pdfBytes } from '../support/files';
import { createAssignment } from '../support/grading-factories';
import { createCohort, createPart, createProgramme, createSession } from '../support/schedule-factories';
import { useTemporaryUploadDir } from '../support/uploads';

const uploadDir = useTemporaryUploadDir();
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

/** Riga wall-clock time `days` days from today. */
function rigaDay(days: number, hour = 0, minute = 0): Date {
  const today = rigaParts(new Date());
  return rigaTime(today.year, today.month, today.day + days, hour, minute);
}

/** Presses a button of the form posting to `action` and waits for the next page; answers the POST's status. */
async function submitForm(page: Page, action: string, button: string | RegExp): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page
      .locator(`main form[action="${action}"]`)
      .getByRole('button', { name: button, exact: typeof button === 'string' })
      .click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

/** Opens an edit form by its link on the page, as a person would, and checks it with axe. */
async function openByLink(page: Page, name: string | RegExp, path: string, shot: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page
      .locator('main')
      .getByRole('link', { name, exact: typeof name === 'string' })
      .first()
      .click(),
  ]);
  await expectAccessible(page, shot);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
}

/** The administrator's edit forms: each opened from its page, changed, saved, and the change found in the database. */
describe('edit forms submitted in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let programme: Programme;
  let first: Part;
  let second: Part;
  let instructor: User;

  beforeAll(async () => {
    t = await serveWebApp();
    instructor = await createInstructor(t.dataSource, { name: `Pēteris Labotājs ${Date.now()}` });
    programme = await createProgramme(t.dataSource, {
      titleLv: 'Labojamā programma',
      titleEn: 'Programme to edit',
      descriptionLv: 'Mācības ar aprakstu\notrajā rindā.',
      cofinancingPercent: '85.00',
      partners: ['Daugavpils pilsētas dome', 'Rēzeknes novada pašvaldība'],
      reminderOffsetsHours: [48, 2],
    });
    first = await createPart(t.dataSource, programme, { titleLv: 'Pirmā daļa', academicHours: 24, minAttendancePercent: 75 });
    second = await createPart(t.dataSource, programme, { titleLv: 'Otrā daļa', requiresFinalExam: true });
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, (await createAdmin(t.dataSource, { name: 'Ilze Ozola' })).email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('edits a programme: the form comes back filled in, and only what was changed changes', async () => {
    const path = `/admin/programmes/${programme.id}`;
    await visit(b.page, path);
    await openByLink(b.page, 'Labot programmu', `${path}/edit`, 'forms-edit-programme');
    expect(await b.page.inputValue('#field-titleLv')).toBe('Labojamā programma');
    await b.page.fill('#field-titleLv', 'Labotā programma');
    await b.page.fill('#field-funder', 'Eiropas Reģionālās attīstības fonds');
    expect(await submitForm(b.page, path, 'Saglabāt')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    await b.page.getByText('Programma saglabāta.').waitFor();
    await b.page.getByRole('heading', { name: 'Labotā programma' }).waitFor();
    const saved = await t.dataSource.getRepository(Programme).findOneByOrFail({ id: programme.id });
    expect(saved).toMatchObject({
      titleLv: 'Labotā programma',
      titleEn: 'Programme to edit',
      funder: 'Eiropas Reģionālās attīstības fonds',
      cofinancingPercent: '85.00',
      partners: ['Daugavpils pilsētas dome', 'Rēzeknes novada pašvaldība'],
      reminderOffsetsHours: [48, 2],
      status: 'active',
    });
    // The browser sends a textarea's line breaks as CRLF; what matters is that no line gained spaces.
    expect(saved.descriptionLv.replace(/\r\n/g, '\n')).toBe('Mācības ar aprakstu\notrajā rindā.');
  });

  it('edits a part and moves it up and down with the buttons on the programme page', async () => {
    const path = `/admin/programmes/${programme.id}`;
    await visit(b.page, path);
    await openByLink(b.page, /^Labot 1\. Pirmā daļa$/, `/admin/parts/${first.id}/edit`, 'forms-edit-part');
    await b.page.fill('#field-titleLv', 'Pirmā daļa (labota)');
    await b.page.fill('#field-academicHours', '32');
    await b.page.getByLabel('Jāiesniedz patstāvīgais darbs').check();
    expect(await submitForm(b.page, `/admin/parts/${first.id}`, 'Saglabāt')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    await b.page.getByText('Programmas daļa saglabāta.').waitFor();
    expect(await t.dataSource.getRepository(Part).findOneByOrFail({ id: first.id })).toMatchObject({
      number: 1,
      titleLv: 'Pirmā daļa (labota)',
      academicHours: 32,
      minAttendancePercent: 75,
      requiresIndependentWork: true,
      requiresFinalExam: false,
    });

    await b.page.setViewportSize(PHONE);
    try {
      await expectAccessible(b.page, 'forms-edit-programme-parts-phone');
      await expectNoSidewaysScroll(b.page);
      expect(await submitForm(b.page, `/admin/parts/${second.id}/move`, 'Uz augšu 2. Otrā daļa')).toBe(303);
    } finally {
      await b.page.setViewportSize(DESKTOP);
    }
    await b.page.getByText('Daļu secība mainīta.').waitFor();
    const numbers = async () =>
      Object.fromEntries(
        (await t.dataSource.getRepository(Part).findBy({ programmeId: programme.id })).map((p) => [p.id, p.number] as const),
      );
    expect(await numbers()).toEqual({ [second.id]: 1, [first.id]: 2 });
    const rows = b.page.locator('main table tbody tr');
    expect(await rows.first().innerText()).toContain('Otrā daļa');
    expect(await submitForm(b.page, `/admin/parts/${second.id}/move`, 'Uz leju 1. Otrā daļa')).toBe(303);
    expect(await numbers()).toEqual({ [first.id]: 1, [second.id]: 2 });
  });

  it('edits an indicator', async () => {
    const indicators = t.dataSource.getRepository(Indicator);
    const indicator = await indicators.save(
      indicators.create({
        programmeId: programme.id,
        nameLv: 'Apmācīti darbinieki',
        metric: 'trainees_completed',
        target: 20,
        position: 1,
      }),
    );
    const path = `/admin/programmes/${programme.id}`;
    await visit(b.page, path);
    const edit = `${path}/indicators/${indicator.id}/edit`;
    await openByLink(b.page, /^Labot Apmācīti darbinieki$/, edit, 'forms-edit-indicator');
    await b.page.fill('#field-nameEn', 'Employees trained');
    await b.page.fill('#field-target', '27');
    expect(await submitForm(b.page, `${path}/indicators/${indicator.id}`, 'Saglabāt')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    await b.page.getByText('Rādītājs saglabāts.').waitFor();
    expect(await indicators.findOneByOrFail({ id: indicator.id })).toMatchObject({
      nameLv: 'Apmācīti darbinieki',
      nameEn: 'Employees trained',
      metric: 'trainees_completed',
      target: 27,
      position: 1,
    });
  });

  it('edits a cohort, adding an instructor', async () => {
    const cohort = await createCohort(t.dataSource, first, { name: 'Labojamā grupa', capacity: 12 });
    const path = `/admin/cohorts/${cohort.id}`;
    await visit(b.page, path);
    await openByLink(b.page, 'Labot grupu', `${path}/edit`, 'forms-edit-cohort');
    await b.page.fill('#field-name', 'Labotā grupa');
    await b.page.fill('#field-capacity', '15');
    await b.page.getByLabel(new RegExp(instructor.name)).check();
    expect(await submitForm(b.page, path, 'Saglabāt')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    await b.page.getByText('Grupa saglabāta.').waitFor();
    const saved = await t.dataSource.getRepository(Cohort).findOneOrFail({ where: { id: cohort.id }, relations: { instructors: true } });
    expect([saved.name, saved.capacity, saved.startsOn, saved.endsOn, saved.instructors.map((i) => i.id)]).toEqual([
      'Labotā grupa',
      15,
      '2012-09-05',
      '2012-12-14',
      [instructor.id],
    ]);
  });

  it('edits a session, keeping its time and the fields left alone', async () => {
    const cohort = await createCohort(t.dataSource, first, { instructors: [instructor] });
    const session = await createSession(t.dataSource, cohort, {
      kind: 'study_visit',
      title: 'Pieredzes apmaiņa',
      startsAt: rigaDay(30, 8),
      endsAt: rigaDay(30, 18),
      address: 'Atbrīvošanas aleja 93, Rēzekne',
      hosts: 'Rēzeknes novada pašvaldība',
      sitesVisited: ['Latgales vēstniecība GORS', 'Zeimuļs'],
      notes: 'Izbraukšana no domes.',
      instructors: [instructor],
    });
    const path = `/sessions/${session.id}`;
    await visit(b.page, path);
    await openByLink(b.page, /^Labot/, `${path}/edit`, 'forms-edit-session');
    await b.page.fill('#field-title', 'Pieredzes apmaiņa Rēzeknē');
    // A room of its own: sessions left by earlier runs must not clash with it.
    const room = `Lielā zāle ${Date.now()}`;
    await b.page.fill('#field-room', room);
    expect(await submitForm(b.page, `${path}/edit`, 'Saglabāt')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    await b.page.getByText('Nodarbības izmaiņas saglabātas.').waitFor();
    await b.page.getByRole('heading', { name: /Pieredzes apmaiņa Rēzeknē/ }).waitFor();
    const saved = await t.dataSource.getRepository(Session).findOneOrFail({ where: { id: session.id }, relations: { instructors: true } });
    expect(saved).toMatchObject({
      kind: 'study_visit',
      title: 'Pieredzes apmaiņa Rēzeknē',
      room,
      address: 'Atbrīvošanas aleja 93, Rēzekne',
      hosts: 'Rēzeknes novada pašvaldība',
      sitesVisited: ['Latgales vēstniecība GORS', 'Zeimuļs'],
      notes: 'Izbraukšana no domes.',
      startsAt: rigaDay(30, 8),
      endsAt: rigaDay(30, 18),
    });
    expect(saved.instructors.map((i) => i.id)).toEqual([instructor.id]);
  });

  it('creates an assignment for every cohort of a part, after filling in the points it asked for', async () => {
    const title = `Kursa daļas darbs ${Date.now()}`;
    const [opensDate] = rigaDateTimeInputs(rigaDay(2));
    const [dueDate] = rigaDateTimeInputs(rigaDay(20));
    await visit(b.page, `/parts/${second.id}/assignments/new`);
    await b.page.getByText('Visām kursa daļas grupām: ').waitFor();
    await b.page.fill('#field-title', title);
    await b.page.fill('#field-opensDate', opensDate);
    await b.page.fill('#field-opensTime', '08:00');
    await b.page.fill('#field-dueDate', dueDate);
    await b.page.fill('#field-dueTime', '18:00');
    // Graded in points unless told otherwise, so the points are asked for: the form says so and keeps what was typed.
    expect(await submitForm(b.page, `/parts/${second.id}/assignments`, 'Saglabāt')).toBe(422);
    expect(await b.page.locator('[aria-invalid=true]').evaluateAll((fields) => fields.map((f) => f.id))).toEqual([
      'field-maxPoints',
      'field-passMark',
    ]);
    expect(await b.page.inputValue('#field-title')).toBe(title);
    await expectAccessible(b.page, 'forms-new-part-assignment-refused');
    await b.page.fill('#field-maxPoints', '10');
    await b.page.fill('#field-passMark', '6');
    expect(await submitForm(b.page, `/parts/${second.id}/assignments`, 'Saglabāt')).toBe(303);
    await b.page.getByText('Patstāvīgais darbs izveidots.').waitFor();
    await b.page.getByRole('heading', { name: title }).waitFor();
    const saved = await t.dataSource.getRepository(Assignment).findOneByOrFail({ partId: second.id, title });
    expect(new URL(b.page.url()).pathname).toBe(`/assignments/${saved.id}`);
    expect([
      saved.cohortId,
      rigaDateTimeInputs(saved.opensAt),
      rigaDateTimeInputs(saved.dueAt),
      rigaDateTimeInputs(saved.cutoffAt),
    ]).toEqual([null, [opensDate, '08:00'], [dueDate, '18:00'], [dueDate, '18:00']]);
  });
});

/** An instructor's forms for coursework and materials. */
describe("an instructor's assignment and material forms submitted in Chromium", () => {
  let t: ServedApp;
  let b: TestBrowser;
  let cohort: Cohort;

  beforeAll(async () => {
    t = await serveWebApp();
    const instructor = await createInstructor(t.dataSource, { name: 'Inese Kalniņa' });
    cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Darbu grupa',
      instructors: [instructor],
    });
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, instructor.email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  it('creates an assignment with a complete form, on a phone, and its page shows it', async () => {
    const title = `Projekta budžets ${Date.now()}`;
    const [opensDate] = rigaDateTimeInputs(rigaDay(1));
    const [dueDate] = rigaDateTimeInputs(rigaDay(15));
    const [cutoffDate] = rigaDateTimeInputs(rigaDay(17));
    await b.page.setViewportSize(PHONE);
    try {
      await visit(b.page, `/cohorts/${cohort.id}/assignments`);
      await openByLink(b.page, /^Jauns/, `/cohorts/${cohort.id}/assignments/new`, 'forms-new-assignment-phone');
      await expectNoSidewaysScroll(b.page);
      await b.page.fill('#field-title', title);
      await b.page.fill('#field-brief', '**Uzdevums**: sagatavojiet budžetu.\n\n- tāme\n- pamatojums');
      await b.page.fill('#field-opensDate', opensDate);
      await b.page.fill('#field-opensTime', '09:00');
      await b.page.fill('#field-dueDate', dueDate);
      await b.page.fill('#field-dueTime', '23:59');
      await b.page.fill('#field-cutoffDate', cutoffDate);
      await b.page.fill('#field-cutoffTime', '12:00');
      await b.page.getByLabel('Atļaut atbildi tekstā').check();
      await b.page.fill('#field-maxFiles', '3');
      await b.page.fill('#field-maxFileSizeMb', '5');
      for (const box of await b.page.locator('input[name=acceptedTypes]').all()) await box.uncheck();
      await b.page.check('input[name=acceptedTypes][value=pdf]');
      await b.page.check('input[name=acceptedTypes][value=xlsx]');
      await b.page.selectOption('#field-gradingType', 'points');
      await b.page.fill('#field-maxPoints', '20');
      await b.page.fill('#field-passMark', '12,5');
      await b.page.getByLabel('Obligāts daļas noslēgšanai').check();
      await b.page.fill('#field-reminderOffsetsHours', '48, 2');
      expect(await submitForm(b.page, `/cohorts/${cohort.id}/assignments`, 'Saglabāt')).toBe(303);
      await b.page.getByText('Patstāvīgais darbs izveidots.').waitFor();
      await b.page.getByRole('heading', { name: title }).waitFor();
      await b.page.getByRole('strong').getByText('Uzdevums').waitFor();
      await expectAccessible(b.page, 'forms-new-assignment-created-phone');
    } finally {
      await b.page.setViewportSize(DESKTOP);
    }
    const saved = await t.dataSource.getRepository(Assignment).findOneByOrFail({ cohortId: cohort.id, title });
    expect(new URL(b.page.url()).pathname).toBe(`/assignments/${saved.id}`);
    expect({
      opens: rigaDateTimeInputs(saved.opensAt),
      due: rigaDateTimeInputs(saved.dueAt),
      cutoff: rigaDateTimeInputs(saved.cutoffAt),
      allowText: saved.allowText,
      maxFiles: saved.maxFiles,
      gradingType: saved.gradingType,
      maxPoints: saved.maxPoints,
      passMark: saved.passMark,
      requiredForCompletion: saved.requiredForCompletion,
      reminderOffsetsHours: saved.reminderOffsetsHours,
    }).toEqual({
      opens: [opensDate, '09:00'],
      due: [dueDate, '23:59'],
      cutoff: [cutoffDate, '12:00'],
      allowText: true,
      maxFiles: 3,
      gradingType: 'points',
      maxPoints: '20.00',
      passMark: '12.50',
      requiredForCompletion: true,
      reminderOffsetsHours: [48, 2],
    });
    expect([...saved.acceptedTypes].sort()).toEqual(['pdf', 'xlsx']);
  });

  it('edits an assignment: the form comes back filled in, and saving it unchanged but for the title keeps the rest', async () => {
    const assignment = await createAssignment(
      t.dataSource,
      { cohort },
      { title: 'Riska reģistrs', dueAt: rigaDay(10, 23, 59), cutoffAt: rigaDay(12, 23, 59), passMark: '6.50', allowText: true },
    );
    const path = `/assignments/${assignment.id}`;
    await visit(b.page, path);
    await openByLink(b.page, /^Labot/, `${path}/edit`, 'forms-edit-assignment');
    await b.page.fill('#field-title', 'Riska reģistrs (labots)');
    expect(await submitForm(b.page, `${path}/edit`, 'Saglabāt')).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    await b.page.getByText('Izmaiņas saglabātas.').waitFor();
    await b.page.getByRole('heading', { name: 'Riska reģistrs (labots)' }).waitFor();
    const saved = await t.dataSource.getRepository(Assignment).findOneByOrFail({ id: assignment.id });
    expect(saved).toMatchObject({
      title: 'Riska reģistrs (labots)',
      brief: assignment.brief,
      opensAt: assignment.opensAt,
      dueAt: assignment.dueAt,
      cutoffAt: assignment.cutoffAt,
      gradingType: 'points',
      maxPoints: '10.00',
      passMark: '6.50',
      allowText: true,
      maxFiles: assignment.maxFiles,
      acceptedTypes: assignment.acceptedTypes,
      reminderOffsetsHours: assignment.reminderOffsetsHours,
    });
  });

  it('deletes a material from the list', async () => {
    const path = `/cohorts/${cohort.id}/materials`;
    await visit(b.page, path);
    await b.page.fill('#field-title', 'Vecie slaidi');
    await b.page.setInputFiles('#field-file', { name: 'slaidi.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    expect(await submitForm(b.page, path, 'Augšupielādēt')).toBe(303);
    const material = await t.dataSource.getRepository(Material).findOneByOrFail({ cohortId: cohort.id, title: 'Vecie slaidi' });
    const action = `/materials/${material.id}/delete`;
    // One click asks; nothing is gone until the person says yes.
    expect(await submitForm(b.page, action, /^Dzēst.*Vecie slaidi/)).toBe(200);
    await b.page.getByRole('heading', { name: /Vecie slaidi/ }).waitFor();
    expect(await t.dataSource.getRepository(Material).countBy({ id: material.id })).toBe(1);
    await expectAccessible(b.page, 'forms-confirm-delete-material');
    expect(await submitForm(b.page, action, /^Jā/)).toBe(303);
    expect(new URL(b.page.url()).pathname).toBe(path);
    await b.page.getByText('Materiāls izdzēsts.').waitFor();
    expect(await b.page.getByRole('cell', { name: 'Vecie slaidi', exact: true }).count()).toBe(0);
    expect(await t.dataSource.getRepository(Material).countBy({ id: material.id })).toBe(0);
  });
});
