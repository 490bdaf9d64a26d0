import { AttendanceService } from '../../src/attendance/attendance.service';
import type { Cohort } from '../../src/cohorts/cohort.entity';
import type { Part } from '../../src/programmes/part.entity';
import type { User } from '../../src/users/user.entity';
import { asSignedIn, expectAccessible, expectFitsPhone, serveWebApp, switchLanguage, visit, type ServedApp } from '../support/browser';
import { actorOf, createAdmin, createInstructor, createTrainee } from '../support/factories';
import { createCohort, createPart, createProgramme, createSession, enrol } from '../support/schedule-factories';

describe('completion pages in Chromium', () => {
  let t: ServedApp;
  let admin: User;
  let teacher: User;
  let anna: User;
  let part: Part;
  let cohort: Cohort;

  beforeAll(async () => {
    t = await serveWebApp();
    const ds = t.dataSource;
    admin = await createAdmin(ds, { name: 'Administratore Ilze' });
    teacher = await createInstructor(ds, { name: 'Dace Ozola' });
    part = await createPart(ds, await createProgramme(ds, { titleLv: 'Daugavpils pašvaldības kursi' }), {
      titleLv: 'Projektu vadība',
      titleEn: 'Project management',
      minAttendancePercent: 75,
      closesWithSeminar: true,
    });
    cohort = await createCohort(ds, part, { name: '1. daļa — 2012. gada rudens', instructors: [teacher] });
    const trainees: User[] = [];
    for (const name of ['Anna Bērziņa', 'Edgars Vanags', 'Ieva Skujiņa']) {
      const trainee = await createTrainee(ds, { name, department: 'Attīstības departaments' });
      await enrol(ds, cohort, trainee);
      trainees.push(trainee);
    }
    [anna] = trainees;
    const sessions = [];
    for (let i = 0; i < 3; i++) sessions.push(await createSession(ds, cohort, { startsAt: new Date(Date.UTC(2012, 8, 5 + 7 * i, 7)) }));
    sessions.push(
      await createSession(ds, cohort, { kind: 'seminar', title: 'Noslēguma seminārs', startsAt: new Date(Date.UTC(2012, 9, 3, 7)) }),
    );
    const attendance = t.app.get(AttendanceService);
    for (const [i, session] of sessions.entries()) {
      await attendance.mark(actorOf(teacher), session.id, {
        othersPresent: false,
        marks: [
          { userId: trainees[0].id, status: 'present' },
          { userId: trainees[1].id, status: i < 2 ? 'late' : i === 2 ? 'absent' : 'present' },
          { userId: trainees[2].id, status: i === 3 ? 'excused' : 'present' },
        ],
      });
    }
  });
  afterAll(() => t?.close());

  it('shows the trainee each criterion with a progress bar, in Latvian and English, on a phone too', async () => {
    await asSignedIn(t.baseUrl, anna, async (b) => {
      await visit(b.page, '/my/progress');
      await b.page.getByRole('heading', { name: 'Mans progress', level: 1 }).waitFor();
      const bar = b.page.getByRole('progressbar', { name: 'Apmeklējums' });
      expect(await bar.getAttribute('value')).toBe('3');
      expect(await b.page.getByText('Seminārs apmeklēts.').count()).toBe(1);
      await expectAccessible(b.page, 'completion-mine');
      await expectFitsPhone(b.page, 'completion-mine');
      await switchLanguage(b.page, 'en');
      await b.page.getByRole('heading', { name: 'My progress', level: 1 }).waitFor();
      expect(await b.page.getByText('Project management').count()).toBeGreaterThan(0);
      await expectAccessible(b.page, 'completion-mine-en');
    });
  });

  it("shows the cohort's staff the table, filtered, on a phone too", async () => {
    await asSignedIn(t.baseUrl, teacher, async (b) => {
      await visit(b.page, `/cohorts/${cohort.id}/completion`);
      await b.page.getByRole('heading', { name: `Pabeigšana: ${cohort.name}` }).waitFor();
      await expectAccessible(b.page, 'completion-cohort');
      await b.page.selectOption('#field-show', 'not_possible');
      await Promise.all([b.page.waitForURL(/show=not_possible/), b.page.click('form.filters button[type=submit]')]);
      const rows = b.page.locator('table.completion-table tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('Ieva Skujiņa');
      await expectFitsPhone(b.page, 'completion-cohort');
    });
  });

  it('lets an administrator set a completion by hand with a reason, refusing it without one', async () => {
    await asSignedIn(t.baseUrl, admin, async (b) => {
      await visit(b.page, `/cohorts/${cohort.id}/completion`);
      await Promise.all([
        b.page.waitForURL(/\/admin\/enrolments\/.+\/completion$/),
        b.page.getByRole('link', { name: 'Noteikt ar roku: Ieva Skujiņa' }).click(),
      ]);
      await b.page.getByRole('heading', { name: 'Pabeigšana: Ieva Skujiņa' }).waitFor();
      await expectAccessible(b.page, 'completion-set-by-hand');
      await b.page.selectOption('#field-state', 'not_completed');
      await b.page.click('main form button[type=submit]');
      await b.page.locator('#error-reason').waitFor();
      expect(await b.page.locator('#error-reason').textContent()).toContain('Norādiet iemeslu');
      await expectAccessible(b.page, 'completion-set-by-hand-error');
      await b.page.fill('#field-reason', 'Seminārā nepiedalījās; atkārtota dalība nav paredzēta.');
      await Promise.all([
        b.page.waitForURL(new RegExp(`/cohorts/${cohort.id}/completion$`)),
        b.page.click('main form button[type=submit]'),
      ]);
      expect(await b.page.locator('.notice-success').textContent()).toContain('Pabeigšana noteikta ar roku: Ieva Skujiņa.');
      const row = b.page.locator('table.completion-table tbody tr', { hasText: 'Ieva Skujiņa' });
      expect(await row.textContent()).toContain('Nav pabeigts (noteikts ar roku)');
      await expectFitsPhone(b.page, 'completion-cohort-admin');
    });
  });

  it('lets an administrator close the cohort after a confirmation, and reopen it with a reason', async () => {
    await asSignedIn(t.baseUrl, admin, async (b) => {
      await visit(b.page, `/cohorts/${cohort.id}/completion`);
      await b.page.getByRole('button', { name: 'Slēgt grupu' }).click();
      await b.page.getByRole('heading', { name: `Slēgt grupu “${cohort.name}”?` }).waitFor();
      expect(await b.page.locator('main').textContent()).toContain('Dalība tiks fiksēta kā pabeigta: 2, kā nepabeigta: 1.');
      await expectAccessible(b.page, 'completion-close-confirm');
      await Promise.all([
        b.page.waitForURL(new RegExp(`/cohorts/${cohort.id}/completion$`)),
        b.page.getByRole('button', { name: 'Slēgt grupu' }).click(),
      ]);
      expect(await b.page.locator('.notice-success').textContent()).toContain('Grupa slēgta: pabeiguši 2, nepabeiguši 1.');
      const statuses = await t.dataSource.query('SELECT status FROM enrolments WHERE cohort_id = $1 ORDER BY status', [cohort.id]);
      expect(statuses.map((s: { status: string }) => s.status)).toEqual(['completed', 'completed', 'not_completed']);
      await expectAccessible(b.page, 'completion-cohort-closed');

      await b.page.fill('#field-reason', 'Labots apmeklējuma žurnāls.');
      await b.page.getByRole('button', { name: 'Atvērt no jauna' }).click();
      await b.page.getByRole('heading', { name: `Atvērt grupu “${cohort.name}” no jauna?` }).waitFor();
      await expectAccessible(b.page, 'completion-reopen-confirm');
      await Promise.all([
        b.page.waitForURL(new RegExp(`/cohorts/${cohort.id}/completion$`)),
        b.page.getByRole('button', { name: 'Atvērt no jauna' }).click(),
      ]);
      expect(await b.page.locator('.notice-success').textContent()).toContain('Grupa atvērta no jauna.');
      const reopened = await t.dataSource.query('SELECT DISTINCT status FROM enrolments WHERE cohort_id = $1', [cohort.id]);
      expect(reopened).toEqual([{ status: 'enrolled' }]);
    });
  });

  it("shows a rule change's dry run on the part's edit page, and saves the rule when confirmed", async () => {
    await asSignedIn(t.baseUrl, admin, async (b) => {
      await visit(b.page, `/admin/parts/${part.id}/edit`);
      await b.page.fill('#field-minAttendancePercent', '100');
      await b.page.click('#part-form button[type=submit]');
      await b.page.getByRole('heading', { name: 'Ko mainīs jaunie nosacījumi' }).waitFor();
      expect(await b.page.locator('.dry-run-uncompleted').textContent()).toContain('Edgars Vanags');
      await expectAccessible(b.page, 'completion-rule-dry-run');
      await expectFitsPhone(b.page, 'completion-rule-dry-run');
      await Promise.all([
        b.page.waitForURL(/\/admin\/programmes\/.+/),
        b.page.getByRole('button', { name: 'Saglabāt ar jaunajiem nosacījumiem' }).click(),
      ]);
      expect(await b.page.locator('main').textContent()).toContain(
        'Pabeigšana pārrēķināta pēc jaunajiem nosacījumiem: pabeigšanu zaudēja 1, ieguva 0.',
      );
      const [{ min_attendance_percent: percent }] = await t.dataSource.query('SELECT min_attendance_percent FROM parts WHERE id = $1', [
        part.id,
      ]);
      expect(percent).toBe(100);
    });
  });
});
