import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import type { Certificate } from '../../src/certificates/certificate.entity';
import { CertificatesService } from '../../src/certificates/certificates.service';
import { Clock } from '../../src/common/clock';
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
import { completedCohort, ISSUED_AT, type CompletedWorld } from '../support/certificate-factories';
import { actorOf, createAdmin } from '../support/factories';
import { csvRows, rowValues, xlsxSheet } from '../support/report-files';
import { useTemporaryUploadDir } from '../support/uploads';
import { zipEntry, zipNames } from '../support/zip-files';

const uploadDir = useTemporaryUploadDir();
const downloads = mkdtempSync(join(tmpdir(), 'kursors-register-downloads-'));

describe('the certificate register and ZIP in Chromium', () => {
  let t: ServedApp;
  let admin: TestBrowser;
  let world: CompletedWorld;
  let certificates: Certificate[];

  beforeAll(async () => {
    t = await serveWebApp();
    t.app.get(Clock).set(ISSUED_AT);
    world = await completedCohort(t.dataSource, 3, {
      names: ['Ārija Ķirse', 'Česlavs Ņikitins', 'Žanete Ģērmane'],
      cohortName: '2012. gada pavasara grupa',
    });
    const adminUser = await createAdmin(t.dataSource);
    const service = t.app.get(CertificatesService);
    certificates = [];
    for (const enrolment of world.enrolments)
      certificates.push((await service.issue(actorOf(adminUser), { enrolmentId: enrolment.id })).certificate);
    await service.revoke(actorOf(adminUser), certificates[1].id, { reason: 'holder_request', note: 'Pēc turētāja lūguma.' });
    admin = await openBrowser(t.baseUrl);
    await logInAs(admin.page, adminUser.email);
  });
  afterAll(async () => {
    try {
      await admin?.close();
      await t?.close();
    } finally {
      rmSync(uploadDir, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    }
  });

  /** Clicks the link and keeps what the browser downloads, under the name it suggests. */
  async function download(name: string | RegExp): Promise<{ file: string; path: string }> {
    const [file] = (await Promise.all([
      admin.page.waitForEvent('download'),
      admin.page.getByRole('link', { name, exact: true }).click(),
    ])) as [Download, unknown];
    const path = join(downloads, file.suggestedFilename());
    await file.saveAs(path);
    return { file: file.suggestedFilename(), path };
  }

  it('an administrator goes from the cohort’s certificates to its register, on a phone too', async () => {
    const { page } = admin;
    await visit(page, `/cohorts/${world.cohort.id}/certificates`);
    await Promise.all([page.waitForURL(/\/certificates\/register$/), page.getByRole('link', { name: 'Apliecību reģistrs' }).click()]);
    await page.getByRole('heading', { name: 'Apliecību reģistrs: 2012. gada pavasara grupa' }).waitFor();
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).innerText()).toContain('Atsaukta');
    expect(await rows.nth(1).innerText()).toContain('Pēc turētāja lūguma');
    await expectAccessible(page, 'certificate-register');
    await expectFitsPhone(page, 'certificate-register');
  });

  it('downloads the register as CSV and XLSX from the page', async () => {
    const csv = await download('CSV');
    expect(csv.file).toBe('Apliecību reģistrs - 2012. gada pavasara grupa.csv');
    const [header, ...rows] = csvRows(readFileSync(csv.path));
    expect(header[0]).toBe('Sērijas numurs');
    expect(rows.map((row) => [row[0], row[1], row[7]])).toEqual([
      [certificates[0].serial, 'Ārija Ķirse', 'Derīga'],
      [certificates[1].serial, 'Česlavs Ņikitins', 'Atsaukta'],
      [certificates[2].serial, 'Žanete Ģērmane', 'Derīga'],
    ]);

    const xlsx = await download('XLSX (Excel)');
    expect(xlsx.file).toBe('Apliecību reģistrs - 2012. gada pavasara grupa.xlsx');
    const sheet = await xlsxSheet(readFileSync(xlsx.path));
    expect(rowValues(sheet, 4).slice(0, 2)).toEqual([certificates[2].serial, 'Žanete Ģērmane']);
    expect(rowValues(sheet, 4)[6]).toBeInstanceOf(Date);
  });

  it('downloads the cohort’s valid certificates as one ZIP, each file the one issued', async () => {
    const zip = await download('Lejupielādēt derīgās apliecības (ZIP)');
    expect(zip.file).toBe('Apliecības - 2012. gada pavasara grupa.zip');
    const names = zipNames(zip.path);
    expect(names).toEqual([
      `${certificates[0].serial.replace('/', '-')} - Ārija Ķirse.pdf`,
      `${certificates[2].serial.replace('/', '-')} - Žanete Ģērmane.pdf`,
    ]);
    expect(createHash('sha256').update(zipEntry(zip.path, names[1])).digest('hex')).toBe(certificates[2].sha256);

    const all = await download('Lejupielādēt visas, arī atsauktās un aizstātās (ZIP)');
    expect(zipNames(all.path)).toContain(`${certificates[1].serial.replace('/', '-')} - Česlavs Ņikitins (atsaukta).pdf`);
  });

  it('shows the programme’s register too', async () => {
    const { page } = admin;
    await visit(page, `/admin/programmes/${world.programme.id}/certificates`);
    await Promise.all([page.waitForURL(/\/certificates\/register$/), page.getByRole('link', { name: 'Apliecību reģistrs' }).click()]);
    expect(await page.locator('table tbody tr').count()).toBe(3);
    expect(await page.locator('table').innerText()).toContain('2012. gada pavasara grupa');
    await expectAccessible(page, 'programme-certificate-register');
    await expectFitsPhone(page, 'programme-certificate-register');
  });
});
