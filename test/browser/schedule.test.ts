import type { Page } from 'playwright-core';
import { Attendance } from '../../src/attendance/attendance.entity';
import { Enrolment } from '../../src/cohorts/enrolment.entity';
import { rigaDateTimeInputs, rigaParts, rigaTime } from '../../src/i18n/dates';
import { Indicator } from '../../src/programmes/indicator.entity';
import { Session } from '../../src/sessions/session.entity';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createAdmin, createInstructor, createTrainee } from '../support/factories';
import { createCohort, createPart, createProgramme, createSession, enrol } from '../support/schedule-factories';

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 900 };

/** Riga wall-clock time `days` days from today. */
function rigaDay(days: number, hour = 0, minute = 0): Date {
  const today = rigaParts(new Date());
  return rigaTime(today.year, today.month, today.day + days, hour, minute);
}
const dateInput = (date: Date) => rigaDateTimeInputs(date)[0];

/** Every page named here answers 200 and passes axe's WCAG 2.1 AA rules. */
async function expectAllAccessible(page: Page, pages: [name: string, path: string][]): Promise<void> {
  for (const [name, path] of pages) {
    await visit(page, path);
    await expectAccessible(page, `schedule-${name}`);
  }
}

/** Presses a button of the form posting to `action` and waits for the next page; answers the POST's status. */
async function submitForm(page: Page, action: string, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page.locator(`main form[action="${action}"]`).getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(Number(width)).toBeLessThanOrEqual(PHONE.width);
}

describe('schedule pages in Chromium meet WCAG 2.1 AA (axe-core)', () => {
  let t: ServedApp;
  let emails: { admin: string; instructor: string; trainee: string };
  let ids: {
    programme: string;
    indicator: string;
    part: string;
    cohort: string;
    enrolled: string;
    instructor: string;
    today: string;
    toMove: string;
    toCancel: string;
  };

  beforeAll(async () => {
    t = await serveWebApp();
    const ds = t.dataSource;
    const admin = await createAdmin(ds, { name: 'Ilze Ozola' });
    const instructor = await createInstructor(ds, { name: 'Inese Kalniņa' });
    await createInstructor(ds, { name: 'Pēteris Liepiņš' });
    const programme = await createProgramme(ds, {
      titleLv: 'Pašvaldību darbinieku projektu vadības mācības',
      titleEn: 'Project management training for municipal staff',
      descriptionLv: 'Mācības Latgales pašvaldību darbiniekiem: projektu sagatavošana, vadība un finanses.',
      partners: ['Daugavpils pilsētas dome', 'Rēzeknes novada pašvaldība'],
    });
    const part = await createPart(ds, programme, {
      titleLv: 'Projektu vadības pamati',
      titleEn: 'Project management basics',
      minAttendancePercent: 80,
      requiresFinalExam: true,
    });
    await createPart(ds, programme, { titleLv: 'Projektu finanšu vadība', academicHours: 24, requiresIndependentWork: true });
    const indicators = ds.getRepository(Indicator);
    const indicator = await indicators.save(
      indicators.create({
        programmeId: programme.id,
        nameLv: 'Apmācīti pašvaldības darbinieki',
        nameEn: 'Municipal employees trained',
        metric: 'trainees_completed',
        target: 27,
        position: 1,
      }),
    );
    await indicators.save(
      indicators.create({
        programmeId: programme.id,
        nameLv: 'Pieredzes apmaiņas braucieni',
        metric: 'study_visits_held',
        target: 2,
        position: 2,
      }),
    );

    const cohort = await createCohort(ds, part, {
      name: 'Daugavpils rudens grupa',
      instructors: [instructor],
      startsOn: dateInput(rigaDay(-21, 12)),
      endsOn: dateInput(rigaDay(60, 12)),
      capacity: 2,
    });
    const janis = await createTrainee(ds, { name: 'Jānis Bērziņš', department: 'Attīstības nodaļa' });
    const anna = await createTrainee(ds, { name: 'Anna Kalniņa', department: 'Finanšu nodaļa' });
    const enrolled = await enrol(ds, cohort, janis);
    await enrol(ds, cohort, anna);
    await enrol(ds, cohort, await createTrainee(ds, { name: 'Laura Ozoliņa' }), 'waitlisted');
    const withdrawn = await enrol(ds, cohort, await createTrainee(ds, { name: 'Māris Liepa' }), 'withdrawn');
    await ds.getRepository(Enrolment).update({ id: withdrawn.id }, { withdrawalReason: 'Mainīta darba vieta' });

    const teaching = { instructors: [instructor] };
    const past = await createSession(ds, cohort, {
      ...teaching,
      title: 'Projekta dzīves cikls',
      startsAt: rigaDay(-7, 9),
      endsAt: rigaDay(-7, 12),
      room: '204. telpa',
    });
    await ds.getRepository(Attendance).save([
      { sessionId: past.id, userId: janis.id, status: 'present', markedById: instructor.id },
      { sessionId: past.id, userId: anna.id, status: 'absent', markedById: instructor.id },
    ]);
    // Today in Riga, already started (so the attendance sheet is open) and never before midnight.
    const startedAt = Math.max(rigaDay(0).getTime(), Math.floor((Date.now() - 3_600_000) / 300_000) * 300_000);
    const today = await createSession(ds, cohort, {
      ...teaching,
      title: 'Projekta pieteikuma sagatavošana',
      startsAt: new Date(startedAt),
      room: '204. telpa',
    });
    const toMove = await createSession(ds, cohort, {
      ...teaching,
      kind: 'seminar',
      title: 'Riska vadība projektos',
      startsAt: rigaDay(10, 9),
      endsAt: rigaDay(10, 12),
      // Online only, so a move never clashes with the rooms of sessions left in the database by earlier runs.
      address: null,
      onlineUrl: 'https://meet.example.lv/riska-vadiba',
      notes: 'Līdzi ņemt sava projekta riska reģistru.\nPēc semināra — konsultācijas.',
    });
    const toCancel = await createSession(ds, cohort, {
      ...teaching,
      kind: 'study_visit',
      title: 'Pieredzes apmaiņa Rēzeknē',
      startsAt: rigaDay(14, 8),
      endsAt: rigaDay(14, 18),
      address: 'Atbrīvošanas aleja 93, Rēzekne',
      hosts: 'Rēzeknes novada pašvaldība',
      sitesVisited: ['Austrumlatvijas radošo pakalpojumu centrs “Zeimuļs”', 'Latgales vēstniecība GORS'],
    });

    emails = { admin: admin.email, instructor: instructor.email, trainee: janis.email };
    ids = {
      programme: programme.id,
      indicator: indicator.id,
      part: part.id,
      cohort: cohort.id,
      enrolled: enrolled.id,
      instructor: instructor.id,
      today: today.id,
      toMove: toMove.id,
      toCancel: toCancel.id,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('an admin', () => {
    let b: TestBrowser;

    beforeAll(async () => {
      b = await openBrowser(t.baseUrl);
      await logInAs(b.page, emails.admin);
    });
    afterAll(async () => {
      await b?.close();
    });

    it('finds the programme pages, with their parts and indicators, accessible', async () => {
      const programme = `/admin/programmes/${ids.programme}`;
      await visit(b.page, '/admin/programmes');
      await b.page.getByRole('link', { name: 'Pašvaldību darbinieku projektu vadības mācības' }).first().waitFor();
      await expectAccessible(b.page, 'schedule-admin-programmes');
      await visit(b.page, programme);
      await b.page.getByText('Apmācīti pašvaldības darbinieki').first().waitFor();
      await b.page.getByText('Projektu finanšu vadība').first().waitFor();
      await expectAccessible(b.page, 'schedule-admin-programme');
      await expectAllAccessible(b.page, [
        ['admin-programme-new', '/admin/programmes/new'],
        ['admin-programme-edit', `${programme}/edit`],
        ['admin-indicator-new', `${programme}/indicators/new`],
        ['admin-indicator-edit', `${programme}/indicators/${ids.indicator}/edit`],
        ['admin-part-new', `${programme}/parts/new`],
        ['admin-part-edit', `/admin/parts/${ids.part}/edit`],
      ]);
      expect(await b.page.inputValue('#field-titleLv')).toBe('Projektu vadības pamati');
    });

    it('finds the cohort list, forms, enrolments and withdraw form accessible', async () => {
      const cohort = `/admin/cohorts/${ids.cohort}`;
      await visit(b.page, `/admin/cohorts?programmeId=${ids.programme}`);
      await b.page.getByRole('link', { name: 'Daugavpils rudens grupa' }).waitFor();
      await expectAccessible(b.page, 'schedule-admin-cohorts');
      await expectAllAccessible(b.page, [
        ['admin-cohort-new', '/admin/cohorts/new'],
        ['admin-cohort-edit', `${cohort}/edit`],
      ]);
      await visit(b.page, cohort);
      for (const caption of ['Uzņemti 2 apmācāmie', 'Rindā 1 apmācāmais, uzņemšanas secībā', 'Atsaukts 1 apmācāmais']) {
        await b.page.getByRole('table', { name: caption }).waitFor();
      }
      for (const name of ['Jānis Bērziņš', 'Anna Kalniņa', 'Māris Liepa']) await b.page.getByRole('cell', { name, exact: true }).waitFor();
      await b.page.getByRole('cell', { name: /^Laura Ozoliņa/ }).waitFor();
      await b.page.getByRole('cell', { name: 'Mainīta darba vieta' }).waitFor();
      await expectAccessible(b.page, 'schedule-admin-cohort-enrolments');
      await visit(b.page, `${cohort}?q=Kalni`);
      await b.page.getByRole('table', { name: /^Atrast/ }).waitFor();
      await expectAccessible(b.page, 'schedule-admin-cohort-search');
      await visit(b.page, `${cohort}/enrolments/${ids.enrolled}/withdraw`);
      await b.page.getByText('Jānis Bērziņš').first().waitFor();
      await expectAccessible(b.page, 'schedule-admin-withdraw');
    });

    it('finds the cohort schedule and the new-session form accessible', async () => {
      await visit(b.page, `/cohorts/${ids.cohort}/sessions`);
      for (const title of [
        'Projekta dzīves cikls',
        'Projekta pieteikuma sagatavošana',
        'Riska vadība projektos',
        'Pieredzes apmaiņa Rēzeknē',
      ]) {
        await b.page.getByRole('link', { name: title }).waitFor();
      }
      await expectAccessible(b.page, 'schedule-admin-cohort-sessions');
      await visit(b.page, `/cohorts/${ids.cohort}/sessions/new`);
      expect(await b.page.isChecked(`input[name=instructorIds][value="${ids.instructor}"]`)).toBe(true);
      await expectAccessible(b.page, 'schedule-admin-session-new');
    });

    it('explains a session that would end before it starts, accessibly', async () => {
      const action = `/cohorts/${ids.cohort}/sessions`;
      await visit(b.page, `${action}/new`);
      await b.page.fill('#field-title', 'Komunikācija projektā');
      await b.page.fill('#field-startDate', dateInput(rigaDay(20, 12)));
      await b.page.fill('#field-startTime', '14:00');
      await b.page.fill('#field-endTime', '12:00');
      await b.page.fill('#field-address', 'Krišjāņa Valdemāra iela 1, Daugavpils');
      expect(await submitForm(b.page, action, 'Saglabāt')).toBe(422);
      const summary = b.page.locator('.error-summary[role=alert]');
      expect(await summary.isVisible()).toBe(true);
      expect(await summary.innerText()).toContain('Beigām jābūt vēlāk par sākumu.');
      expect(await b.page.getAttribute('#field-endTime', 'aria-invalid')).toBe('true');
      expect(await b.page.inputValue('#field-title')).toBe('Komunikācija projektā');
      await expectAccessible(b.page, 'schedule-admin-session-new-invalid');
    });

    it('moves a session through its form, and the session page shows the move in its history', async () => {
      const session = `/sessions/${ids.toMove}`;
      await visit(b.page, session);
      await b.page.getByText('Izmaiņu vēsture').waitFor();
      await expectAccessible(b.page, 'schedule-admin-session');
      await expectAllAccessible(b.page, [['admin-session-edit', `${session}/edit`]]);
      expect(await b.page.inputValue('#field-title')).toBe('Riska vadība projektos');
      await visit(b.page, `${session}/move`);
      await expectAccessible(b.page, 'schedule-admin-session-move');
      await b.page.setViewportSize(PHONE);
      await expectAccessible(b.page, 'schedule-admin-session-move-phone');
      await b.page.setViewportSize(DESKTOP);
      // Only the start changes: the end fields stay empty, and the session keeps its three hours.
      expect([await b.page.inputValue('#field-endDate'), await b.page.inputValue('#field-endTime')]).toEqual(['', '']);
      await b.page.getByText('nodarbība ilgs tikpat, cik līdz šim (3 stundas)').waitFor();
      await b.page.fill('#field-startDate', dateInput(rigaDay(11)));
      await b.page.fill('#field-startTime', '13:00');
      await b.page.fill('#field-reason', 'Lektore tajā dienā vada domes sēdi');
      expect(await submitForm(b.page, `${session}/move`, 'Pārcelt nodarbību')).toBe(303);
      const moved = await t.dataSource.getRepository(Session).findOneByOrFail({ id: ids.toMove });
      expect([moved.startsAt, moved.endsAt]).toEqual([rigaDay(11, 13), rigaDay(11, 16)]);
      expect(new URL(b.page.url()).pathname).toBe(session);
      await b.page.getByText('Nodarbība pārcelta; dalībnieki un pasniedzēji saņems paziņojumu.').waitFor();
      await b.page.getByRole('cell', { name: 'Pārcelta', exact: true }).waitFor();
      await b.page.getByRole('cell', { name: 'Lektore tajā dienā vada domes sēdi' }).waitFor();
      await expectAccessible(b.page, 'schedule-admin-session-moved');
    });

    it('cancels a session through its form, and offers to restore it', async () => {
      const session = `/sessions/${ids.toCancel}`;
      await visit(b.page, `${session}/cancel`);
      await expectAccessible(b.page, 'schedule-admin-session-cancel');
      await b.page.fill('#field-reason', 'Uzņēmēja pašvaldība vizīti atcēla');
      expect(await submitForm(b.page, `${session}/cancel`, 'Atcelt nodarbību')).toBe(303);
      expect(new URL(b.page.url()).pathname).toBe(session);
      await b.page.locator('main .notice-error').getByText('Uzņēmēja pašvaldība vizīti atcēla').waitFor();
      await b.page.getByRole('cell', { name: 'Uzņēmēja pašvaldība vizīti atcēla' }).waitFor();
      await expectAccessible(b.page, 'schedule-admin-session-cancelled');
      await Promise.all([
        b.page.waitForURL((url) => url.pathname === `${session}/restore`),
        b.page.click(`main a[href="${session}/restore"]`),
      ]);
      await b.page.locator('#field-reason').waitFor();
      await expectAccessible(b.page, 'schedule-admin-session-restore');
    });
  });

  describe('an instructor', () => {
    let b: TestBrowser;

    beforeAll(async () => {
      b = await openBrowser(t.baseUrl);
      await logInAs(b.page, emails.instructor);
    });
    afterAll(async () => {
      await b?.close();
    });

    it("finds today's session from the menu and marks attendance on an accessible sheet", async () => {
      const sheet = `/sessions/${ids.today}/attendance`;
      await visit(b.page, '/');
      await Promise.all([
        b.page.waitForURL((url) => url.pathname === '/my/sessions/today'),
        b.page.click('nav.site-nav a[href="/my/sessions/today"]'),
      ]);
      await b.page.getByRole('link', { name: 'Projekta pieteikuma sagatavošana' }).waitFor();
      await expectAccessible(b.page, 'schedule-instructor-today');
      await Promise.all([b.page.waitForURL((url) => url.pathname === sheet), b.page.click(`main a[href="${sheet}"]`)]);
      await b.page.getByRole('group', { name: /Anna Kalniņa/ }).waitFor();
      await expectAccessible(b.page, 'schedule-instructor-attendance');
      // As the sheet suggests: mark the exception, then everyone else present.
      await b.page
        .getByRole('group', { name: /Anna Kalniņa/ })
        .getByLabel('Nokavējās')
        .check();
      expect(await submitForm(b.page, sheet, 'Visi pārējie klāt')).toBe(303);
      await b.page.getByText('Saglabātas 2 izmaiņas.').waitFor();
      expect(
        await b.page
          .getByRole('group', { name: /Anna Kalniņa/ })
          .getByLabel('Nokavējās')
          .isChecked(),
      ).toBe(true);
      expect(
        await b.page
          .getByRole('group', { name: /Jānis Bērziņš/ })
          .getByLabel('Klāt', { exact: true })
          .isChecked(),
      ).toBe(true);
      await expectAccessible(b.page, 'schedule-instructor-attendance-saved');
    });

    it('fits the attendance sheet on a phone screen', async () => {
      await b.page.setViewportSize(PHONE);
      try {
        await visit(b.page, `/sessions/${ids.today}/attendance`);
        await expectNoSidewaysScroll(b.page);
        await expectAccessible(b.page, 'schedule-instructor-attendance-phone');
      } finally {
        await b.page.setViewportSize(DESKTOP);
      }
    });

    it("finds the cohort's attendance, their cohorts and their schedule accessible", async () => {
      await visit(b.page, `/cohorts/${ids.cohort}/attendance`);
      await b.page.getByRole('rowheader', { name: 'Jānis Bērziņš' }).waitFor();
      await expectAccessible(b.page, 'schedule-instructor-cohort-attendance');
      await visit(b.page, '/my/cohorts');
      await b.page.getByRole('heading', { name: 'Daugavpils rudens grupa' }).waitFor();
      await expectAccessible(b.page, 'schedule-instructor-my-cohorts');
      await expectAllAccessible(b.page, [['instructor-my-sessions', '/my/sessions']]);
    });
  });

  describe('a trainee', () => {
    let b: TestBrowser;

    beforeAll(async () => {
      b = await openBrowser(t.baseUrl);
      await logInAs(b.page, emails.trainee);
    });
    afterAll(async () => {
      await b?.close();
    });

    it('finds their schedule, with the moved and the cancelled session, accessible on a desktop and a phone', async () => {
      await visit(b.page, '/my/sessions');
      await b.page.getByRole('link', { name: 'Riska vadība projektos' }).waitFor();
      const cancelled = b.page.locator('.session-card', { has: b.page.getByRole('link', { name: 'Pieredzes apmaiņa Rēzeknē' }) });
      await cancelled.getByText('Atcelta').waitFor();
      await expectAccessible(b.page, 'schedule-trainee-my-sessions');
      await b.page.setViewportSize(PHONE);
      try {
        await visit(b.page, '/my/sessions');
        await expectNoSidewaysScroll(b.page);
        await expectAccessible(b.page, 'schedule-trainee-my-sessions-phone');
      } finally {
        await b.page.setViewportSize(DESKTOP);
      }
    });

    it('finds a session page with its history accessible, without the managing buttons', async () => {
      await visit(b.page, `/sessions/${ids.toMove}`);
      await b.page.getByRole('cell', { name: 'Lektore tajā dienā vada domes sēdi' }).waitFor();
      expect(await b.page.locator(`main a[href$="/move"], main a[href$="/edit"], main a[href$="/attendance"]`).count()).toBe(0);
      await expectAccessible(b.page, 'schedule-trainee-session');
    });

    it('finds their calendar link, attendance and programme accessible', async () => {
      await visit(b.page, '/my/attendance');
      await b.page.getByRole('link', { name: 'Projekta dzīves cikls' }).waitFor();
      await expectAccessible(b.page, 'schedule-trainee-my-attendance');
      await visit(b.page, '/my/calendar');
      expect(await b.page.inputValue('#calendar-url')).toMatch(/^http:\/\/kursors\.test\/calendar\//);
      await expectAccessible(b.page, 'schedule-trainee-my-calendar');
      await visit(b.page, '/my/programme');
      await b.page.getByText('Daugavpils rudens grupa').first().waitFor();
      await expectAccessible(b.page, 'schedule-trainee-my-programme');
    });
  });
});
