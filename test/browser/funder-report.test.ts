import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '../../src/common/clock';
import { startWorker } from '../support/app';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { pdfInfo, pdfWords } from '../support/pdf-tools';
import { programmeCountedByHand, REPORTS_READ_AT, type ProgrammeReportWorld } from '../support/programme-report-fixture';

const PHONE = { width: 375, height: 667 };
const WIDE = { width: 1280, height: 900 };

describe('the funder report started from a programme’s reports page in Chromium', () => {
  let t: ServedApp;
  let b: TestBrowser;
  let worker: INestApplicationContext;
  let world: ProgrammeReportWorld;

  beforeAll(async () => {
    t = await serveWebApp();
    world = await programmeCountedByHand(t.app, t.dataSource);
    worker = await startWorker();
    worker.get(Clock).set(REPORTS_READ_AT);
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, world.admin.email);
  });
  afterAll(async () => {
    await b?.close();
    worker?.get(Clock).set(null);
    await worker?.close();
    t?.app.get(Clock).set(null);
    await t?.close();
  });

  it('prepares the PDF for the period chosen, follows its progress and downloads it, on a phone too', async () => {
    await visit(b.page, `/admin/programmes/${world.programme.id}/reports`);
    await b.page.getByLabel('No', { exact: true }).fill('2012-09-01');
    await b.page.getByLabel('Līdz', { exact: true }).fill('2012-12-31');
    await Promise.all([
      b.page.waitForURL((url) => url.searchParams.get('to') === '2012-12-31'),
      b.page.getByRole('button', { name: 'Atlasīt' }).click(),
    ]);
    const section = b.page.getByRole('region', { name: 'Pārskats finansētājam' });
    expect(await section.textContent()).toContain('Periods: 2012. gada 1. septembris – 31. decembris');
    await b.page.setViewportSize(PHONE);
    expect(Number(await b.page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(b.page, 'funder-report-form-phone');

    await Promise.all([
      b.page.waitForURL(/\/reports\/exports\/[0-9a-f-]{36}$/),
      section.getByRole('button', { name: 'Sagatavot pārskatu finansētājam (PDF)' }).click(),
    ]);
    await b.page.getByRole('heading', { name: 'Eksports: Pārskats finansētājam' }).waitFor();
    await expectAccessible(b.page, 'funder-report-progress-phone');
    const link = b.page.getByRole('link', { name: /^Lejupielādēt/ });
    // The page's script follows the progress and shows the link without a reload.
    await link.waitFor({ state: 'visible', timeout: 60_000 });
    expect(Number(await b.page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
    const [download] = await Promise.all([b.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('parskats-finansetajam - Daugavpils pašvaldības darbinieku kursu cikls.pdf');
    const pdf = await new Promise<Buffer>((resolve, reject) => {
      download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      }, reject);
    });
    expect(pdfInfo(pdf).Title).toBe('Pārskats finansētājam: Daugavpils pašvaldības darbinieku kursu cikls');
    const words = pdfWords(pdf);
    expect(words).toContain('Pārskata periods: 2012. gada 1. septembris – 31. decembris');
    expect(words).toContain('Apliecību reģistrs');
    await visit(b.page, b.page.url());
    await expectAccessible(b.page, 'funder-report-done-phone');
    await b.page.setViewportSize(WIDE);
  });
});
