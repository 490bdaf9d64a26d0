import { Clock } from '../../src/common/clock';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { programmeCountedByHand, type ProgrammeReportWorld } from '../support/programme-report-fixture';

const PHONE = { width: 375, height: 667 };
const WIDE = { width: 1280, height: 900 };

describe('a programme’s indicators and completion funnel in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let world: ProgrammeReportWorld;

  beforeAll(async () => {
    t = await serveWebApp();
    world = await programmeCountedByHand(t.app, t.dataSource);
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, world.admin.email);
  });
  afterAll(async () => {
    await b?.close();
    t?.app.get(Clock).set(null);
    await t?.close();
  });

  const fitsPhone = async (name: string) => {
    await b.page.setViewportSize(PHONE);
    expect(Number(await b.page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(b.page, name);
    await b.page.setViewportSize(WIDE);
  };

  it('filters the indicators by a range of days with the date form, then opens a funnel stage to see who is there', async () => {
    await visit(b.page, `/admin/programmes/${world.programme.id}`);
    await b.page.getByRole('link', { name: 'Rādītāji un pabeigšanas piltuve' }).click();
    await b.page.getByRole('heading', { name: /^Rādītāji un pabeigšanas piltuve: / }).waitFor();
    await b.page.getByLabel('No', { exact: true }).fill('2012-09-01');
    await b.page.getByLabel('Līdz', { exact: true }).fill('2012-12-31');
    await Promise.all([
      b.page.waitForURL((url) => url.searchParams.get('to') === '2012-12-31'),
      b.page.getByRole('button', { name: 'Atlasīt' }).click(),
    ]);
    expect(new URL(b.page.url()).searchParams.get('from')).toBe('2012-09-01');
    await b.page.getByText('2012. gada 1. septembris – 31. decembris').first().waitFor();
    const sessions = b.page.getByRole('row', { name: /Notikušās nodarbības/ });
    expect((await sessions.getByRole('cell').allTextContents()).map((c) => c.trim()).slice(0, 4)).toEqual(['10', '8 (80 %)', '0', '1']);
    expect(await b.page.locator('#indicators-chart-title').count()).toBe(1);
    await expectAccessible(b.page, 'programme-indicators');
    await fitsPhone('programme-indicators-phone');

    await b.page.getByRole('link', { name: 'Pabeiguši', exact: true }).click();
    await b.page.getByRole('heading', { name: 'Kas sasniedza posmu “Pabeiguši”' }).waitFor();
    const url = new URL(b.page.url());
    expect([url.searchParams.get('stage'), url.searchParams.get('from'), url.hash]).toEqual(['completed', '2012-09-01', '#people']);
    const people = await b.page.locator('#people tbody th[scope="row"]').allTextContents();
    expect(people.map((n) => n.trim()).sort()).toEqual(['Anna Ābele', 'Gita Gaiļa', 'Inese Īve', 'Jānis Bērziņš'].sort());
    await expectAccessible(b.page, 'programme-funnel-stage');
    await fitsPhone('programme-funnel-stage-phone');
  });

  it('shows why a record was not counted, and prints without the forms', async () => {
    await visit(b.page, `/admin/programmes/${world.programme.id}/reports`);
    // The link's hidden text names the indicator (an absolutely placed span reads with a space before it).
    await b.page.getByRole('link', { name: /^Kas ieskaitīts\s*: Izsniegtie apliecinājumi$/ }).click();
    await b.page.getByRole('heading', { name: 'Kas ieskaitīts: Izsniegtie apliecinājumi' }).waitFor();
    const revoked = b.page.getByRole('row', { name: /Atsaukta/ });
    expect(await revoked.textContent()).toContain('Jānis Bērziņš');
    await expectAccessible(b.page, 'indicator-records');
    await fitsPhone('indicator-records-phone');
    await b.page.emulateMedia({ media: 'print' });
    expect(await b.page.locator('form.filters').isVisible()).toBe(false);
    expect(await b.page.locator('table.evidence').isVisible()).toBe(true);
    await b.page.emulateMedia({ media: 'screen' });
  });

  it('refuses a range that ends before it starts, naming the field beside it', async () => {
    await visit(b.page, `/admin/programmes/${world.programme.id}/reports`);
    await b.page.getByLabel('No', { exact: true }).fill('2012-12-01');
    await b.page.getByLabel('Līdz', { exact: true }).fill('2012-11-01');
    await b.page.getByRole('button', { name: 'Atlasīt' }).click();
    await b.page.getByRole('alert').waitFor();
    expect(await b.page.getByRole('alert').textContent()).toContain('Līdz: Beigu datums nevar būt agrāks par sākuma datumu.');
    expect(await b.page.getByLabel('Līdz', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(b.page, 'indicators-range-refused');
  });

  it('lets a cohort’s instructor open its funnel from the cohort’s links', async () => {
    const instructor = await openBrowser(t.baseUrl);
    try {
      await logInAs(instructor.page, world.instructor.email);
      await visit(instructor.page, '/my/cohorts');
      await instructor.page.getByRole('link', { name: 'Pabeigšanas piltuve' }).click();
      await instructor.page.getByRole('heading', { name: 'Pabeigšanas piltuve: Rudens grupa' }).waitFor();
      await instructor.page.getByRole('link', { name: 'Izpildīts apmeklējuma minimums' }).click();
      await instructor.page.getByRole('heading', { name: 'Kas sasniedza posmu “Izpildīts apmeklējuma minimums”' }).waitFor();
      expect(await instructor.page.locator('#people tbody tr').count()).toBe(4);
      await expectAccessible(instructor.page, 'cohort-funnel');
    } finally {
      await instructor.close();
    }
  });
});
