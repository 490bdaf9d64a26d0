import { Clock } from '../../src/common/clock';
import {
  asSignedIn,
  expectAccessible,
  expectFitsPhone,
  serveWebApp,
  switchLanguage,
  visit,
  type ServedApp,
  type TestBrowser,
} from '../support/browser';
import { dashboardWorld, type DashboardWorld } from '../support/dashboard-world';

describe('the home page dashboards in Chromium', () => {
  let t: ServedApp;
  let w: DashboardWorld;

  beforeAll(async () => {
    t = await serveWebApp();
    w = await dashboardWorld(t);
  });
  afterAll(async () => {
    t?.app.get(Clock).set(null);
    await t?.close();
  });

  const panel = (b: TestBrowser, heading: string) =>
    b.page.locator('section.panel', { has: b.page.getByRole('heading', { name: heading, level: 3 }) });

  it('shows a trainee their panels, with a bar per criterion, in Latvian and English and on a phone', async () => {
    await asSignedIn(t.baseUrl, w.anna, async (b) => {
      await b.page.getByRole('heading', { name: 'Manas mācības', level: 2 }).waitFor();
      expect(await panel(b, 'Nākamās nodarbības').getByRole('link', { name: w.sessions.today.title }).count()).toBe(1);
      expect(await panel(b, 'Patstāvīgie darbi').getByRole('link', { name: w.work.toDo.title }).count()).toBe(1);
      expect(await panel(b, 'Pārbaudījumi').getByText('Nokavēts').count()).toBe(1);
      const bar = panel(b, 'Virzība uz daļas pabeigšanu').getByRole('progressbar', { name: 'Apmeklējums' });
      expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual(['1', '3']);
      expect(
        await panel(b, 'Apliecības')
          .getByRole('link', { name: /Lejupielādēt PDF/ })
          .count(),
      ).toBe(1);
      await expectAccessible(b.page, 'home-trainee');
      await expectFitsPhone(b.page, 'home-trainee');

      await switchLanguage(b.page, 'en');
      await b.page.getByRole('heading', { name: 'My learning', level: 2 }).waitFor();
      expect(await panel(b, 'Exams').getByText('Missed').count()).toBe(1);
      await expectAccessible(b.page, 'home-trainee-en');

      await Promise.all([
        b.page.waitForURL(new RegExp(`/exams/${w.exams.upcoming.id}$`)),
        panel(b, 'Exams').getByRole('link', { name: w.exams.upcoming.title }).click(),
      ]);
    });
  });

  it('shows an instructor their day and what waits for them, and leads to the attendance sheet', async () => {
    await asSignedIn(t.baseUrl, w.inese, async (b) => {
      await b.page.getByRole('heading', { name: 'Pasniegšana', level: 2 }).waitFor();
      const untaken = panel(b, 'Neatzīmēts apmeklējums');
      expect(await untaken.getByText('1 notikušajā nodarbībā apmeklējums nav atzīmēts.').count()).toBe(1);
      expect(await untaken.getByRole('link', { name: w.sessions.othersUntaken.title }).count()).toBe(0);
      expect(await panel(b, 'Jāvērtē').getByText('Vērtējumu gaida 3 iesniegti darbi.').count()).toBe(1);
      await expectAccessible(b.page, 'home-instructor');
      await expectFitsPhone(b.page, 'home-instructor');
      await Promise.all([
        b.page.waitForURL(new RegExp(`/sessions/${w.sessions.untaken.id}/attendance$`)),
        untaken.getByRole('link', { name: w.sessions.untaken.title }).click(),
      ]);
    });
  });

  it("shows an administrator the platform's panels with the indicators' chart and its table, on a phone too", async () => {
    await asSignedIn(t.baseUrl, w.admin, async (b) => {
      await b.page.getByRole('heading', { name: 'Administrēšana', level: 2 }).waitFor();
      const indicators = panel(b, 'Rādītāji, kas var netikt sasniegti');
      expect(await indicators.getByRole('img', { name: /Sasniegtā daļa no mērķa/ }).count()).toBe(1);
      expect(
        await indicators
          .getByRole('table')
          .getByText(/0 % \(0 no 10\)/)
          .count(),
      ).toBeGreaterThan(0);
      expect(
        await panel(b, 'E-pasti')
          .getByRole('link', { name: /nav nosūtīt/ })
          .count(),
      ).toBe(1);
      await expectAccessible(b.page, 'home-admin');
      await expectFitsPhone(b.page, 'home-admin');
      await Promise.all([
        b.page.waitForURL(/\/admin\/outbox\?status=failed$/),
        panel(b, 'E-pasti')
          .getByRole('link', { name: /nav nosūtīt/ })
          .click(),
      ]);
    });
  });

  it('shows a person with two roles both, each accessible', async () => {
    await asSignedIn(t.baseUrl, w.ilze, async (b) => {
      await b.page.getByRole('heading', { name: 'Pasniegšana', level: 2 }).waitFor();
      await b.page.getByRole('heading', { name: 'Administrēšana', level: 2 }).waitFor();
      await visit(b.page, '/');
      await expectAccessible(b.page, 'home-admin-instructor');
      await expectFitsPhone(b.page, 'home-admin-instructor');
    });
  });
});
