import { rmSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { Certificate } from '../../src/certificates/certificate.entity';
import { Clock } from '../../src/common/clock';
import { startWorker } from '../support/app';
import {
  expectAccessible,
  expectFitsPhone,
  logInAs,
  openBrowser,
  serveWebApp,
  visit,
  type ServedApp,
  type TestBrowser,
} from '../support/browser';
import { completedCohort, ISSUED_AT } from '../support/certificate-factories';
import { createAdmin } from '../support/factories';
import { useTemporaryUploadDir } from '../support/uploads';

const uploadDir = useTemporaryUploadDir();
const PHONE = { width: 375, height: 667 };
const TRAINEES = 12;

describe('a certificate run in Chromium', () => {
  let t: ServedApp;
  let admin: TestBrowser;
  let worker: INestApplicationContext | undefined;
  let cohortId: string;
  let programmeId: string;

  beforeAll(async () => {
    t = await serveWebApp();
    t.app.get(Clock).set(ISSUED_AT);
    const world = await completedCohort(t.dataSource, TRAINEES, { cohortName: '2012. gada rudens grupa' });
    cohortId = world.cohort.id;
    programmeId = world.programme.id;
    admin = await openBrowser(t.baseUrl);
    await logInAs(admin.page, (await createAdmin(t.dataSource)).email);
  });
  afterAll(async () => {
    try {
      await worker?.close();
      await admin?.close();
      await t?.close();
    } finally {
      rmSync(uploadDir, { recursive: true, force: true });
    }
  });

  it('an administrator starts it after a confirmation and, on a phone, watches it finish in place', async () => {
    const { page } = admin;
    await page.setViewportSize(PHONE);
    await visit(page, `/cohorts/${cohortId}/certificates`);
    await page.getByRole('button', { name: `Izsniegt apliecības ${TRAINEES} dalībniekiem` }).click();

    // Nothing starts before the administrator confirms, and the page says what will happen.
    await page.getByRole('heading', { name: `Izsniegt apliecības ${TRAINEES} dalībniekiem?` }).waitFor();
    await page.getByText('saņems apliecību ar nākamo sērijas numuru').waitFor();
    await expectAccessible(page, 'certificate-run-confirm');
    await expectFitsPhone(page, 'certificate-run-confirm');
    expect(await t.dataSource.getRepository(Certificate).countBy({ programmeId })).toBe(0);
    await Promise.all([page.waitForURL('**/certificate-runs/*'), page.getByRole('button', { name: 'Izsniegt apliecības' }).click()]);

    // Queued: no worker has taken it yet.
    await page.getByText('Apliecību izsniegšana sākta.').waitFor();
    await page.getByText(`Izsniegtas 0, neizdevās 0, atlikušas ${TRAINEES} no ${TRAINEES}.`).waitFor();
    expect(await page.locator('#run-status').textContent()).toBe('Gaida rindā');
    await expectAccessible(page, 'certificate-run-queued');
    await expectFitsPhone(page, 'certificate-run-queued');

    // A worker takes it; the page follows by itself, without a reload.
    const url = page.url();
    worker = await startWorker();
    await page.getByText(`Izsniegtas ${TRAINEES}, neizdevās 0, atlikušas 0 no ${TRAINEES}.`).waitFor({ timeout: 60_000 });
    await page.locator('#run-status', { hasText: 'Pabeigta' }).waitFor();
    expect(page.url()).toBe(url);
    expect(
      await page
        .locator('#run-bar')
        .evaluate((bar) => [(bar as unknown as { value: number }).value, (bar as unknown as { max: number }).max]),
    ).toEqual([TRAINEES, TRAINEES]);
    await expectAccessible(page, 'certificate-run-done');

    await Promise.all([page.waitForURL(url), page.getByRole('link', { name: 'Izsniegšana beigusies: skatīt rezultātu' }).click()]);
    expect(await page.locator('.run-counts-table').innerText()).toContain(`Atlikušas\t0`);
    const certificates = await t.dataSource.getRepository(Certificate).find({ where: { programmeId }, order: { serial: 'ASC' } });
    expect(certificates).toHaveLength(TRAINEES);
    // One run, consecutive serial numbers.
    const numbers = certificates.map((c) => Number(/(\d+)$/.exec(c.serial)![1]));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
  }, 120_000);
});
