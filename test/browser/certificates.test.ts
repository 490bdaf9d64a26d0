import { rmSync } from 'node:fs';
import { Certificate } from '../../src/certificates/certificate.entity';
import { CertificateTemplate } from '../../src/certificates/certificate-template.entity';
import { Clock } from '../../src/common/clock';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { completedCohort, ISSUED_AT, uniqueSerialFormat } from '../support/certificate-factories';
import { createAdmin } from '../support/factories';
import { useTemporaryUploadDir } from '../support/uploads';

const uploadDir = useTemporaryUploadDir();
const PHONE = { width: 375, height: 667 };

describe('certificates in Chromium', () => {
  let t: ServedApp;
  let admin: TestBrowser;
  let programmeId: string;
  let cohortId: string;
  let traineeEmail: string;

  beforeAll(async () => {
    t = await serveWebApp();
    t.app.get(Clock).set(ISSUED_AT);
    // The administrator writes the template in the first test.
    const world = await completedCohort(t.dataSource, 1, {
      names: ['Girts Zurins'],
      cohortName: '2012. gada pavasara grupa',
      template: false,
    });
    programmeId = world.programme.id;
    cohortId = world.cohort.id;
    traineeEmail = world.trainees[0].email;
    admin = await openBrowser(t.baseUrl);
    await logInAs(admin.page, (await createAdmin(t.dataSource)).email);
  });
  afterAll(async () => {
    try {
      await admin?.close();
      await t?.close();
    } finally {
      rmSync(uploadDir, { recursive: true, force: true });
    }
  });

  it('an administrator fills in the template, seeing a bad serial format explained first', async () => {
    const { page } = admin;
    await visit(page, `/admin/programmes/${programmeId}/certificate-template`);
    await expectAccessible(page, 'certificate-template');
    await page.fill('#field-placeLv', 'Daugavpils');
    await page.fill('#field-placeEn', 'Daugavpils');
    await page.fill('#field-issuerLv', 'Daugavpils pilsētas dome');
    await page.fill('#field-issuerEn', 'Daugavpils City Council');
    await page.fill('#field-learningOutcomesLv', 'Pārzina projektu vadības ciklu\nProt sagatavot projekta pieteikumu');
    await page.fill('#field-learningOutcomesEn', 'Knows the project management cycle\nCan prepare a project application');
    await page.fill('#field-signatory1Name', 'Žanna Ķirķe');
    await page.fill('#field-signatory1Position', 'Projekta vadītāja');
    await page.fill('#field-serialFormat', 'DPD-{NNNN}');
    await page.click('main form button[type=submit]');
    await page.getByText('Jābūt tieši vienam {YYYY} (izsniegšanas gads).').first().waitFor();
    await expectAccessible(page, 'certificate-template-refused');

    const format = uniqueSerialFormat();
    await page.fill('#field-serialFormat', format);
    await Promise.all([
      page.waitForURL(`**/admin/programmes/${programmeId}/certificate-template`),
      page.click('main form button[type=submit]'),
    ]);
    await page.getByText('Apliecību veidne saglabāta.').waitFor();
    const template = await t.dataSource.getRepository(CertificateTemplate).findOneByOrFail({ programmeId });
    expect(template).toMatchObject({ serialFormat: format, signatories: [{ name: 'Žanna Ķirķe', position: 'Projekta vadītāja' }] });
  });

  it('issues, reissues with a corrected name and revokes through the pages', async () => {
    const { page } = admin;
    await visit(page, `/cohorts/${cohortId}/certificates`);
    await expectAccessible(page, 'certificates-cohort');
    await Promise.all([
      page.waitForURL('**/certificates/*'),
      page.getByRole('button', { name: /^Izsniegt apliecību\W+Girts Zurins$/ }).click(),
    ]);
    await page.getByText('izsniegta; dalībniekam nosūtīts e-pasts.').waitFor();
    await expectAccessible(page, 'certificate-issued');
    const first = await t.dataSource.getRepository(Certificate).findOneByOrFail({ programmeId, holderName: 'Girts Zurins' });

    await page.getByRole('link', { name: 'Izsniegt no jauna' }).click();
    await page.waitForURL(`**/certificates/${first.id}/reissue`);
    await expectAccessible(page, 'certificate-reissue');
    await page.fill('#field-holderName', 'Ģirts Žūriņš');
    await page.fill('#field-note', 'Vārds bez garumzīmēm');
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/reissue')), page.click('main form button[type=submit]')]);
    await page.getByText('iepriekšējā atzīmēta kā aizstāta').waitFor();
    const second = await t.dataSource.getRepository(Certificate).findOneByOrFail({ replacesId: first.id });
    expect(second).toMatchObject({ holderName: 'Ģirts Žūriņš', status: 'valid' });
    expect(page.url()).toContain(`/certificates/${second.id}`);

    await page.getByRole('link', { name: 'Atsaukt' }).click();
    await page.waitForURL(`**/certificates/${second.id}/revoke`);
    await expectAccessible(page, 'certificate-revoke');
    await page.selectOption('#field-reason', 'issued_in_error');
    await page.fill('#field-note', 'Izsniegta nepareizai grupai.');
    await page.click('main form button[type=submit]');
    await page.getByRole('heading', { name: `Atsaukt apliecību ${second.serial}?` }).waitFor();
    await expectAccessible(page, 'certificate-revoke-confirm');
    await Promise.all([page.waitForURL(`**/certificates/${second.id}`), page.click('main form button[type=submit]')]);
    await page.getByText(`Apliecība ${second.serial} atsaukta`).waitFor();
    expect((await t.dataSource.getRepository(Certificate).findOneByOrFail({ id: second.id })).status).toBe('revoked');
  });

  it('anyone checks a certificate on a phone by typing its code, or by dropping its PDF', async () => {
    const valid = await t.dataSource.getRepository(Certificate).findOneByOrFail({ programmeId, holderName: 'Ģirts Žūriņš' });
    const trainee = await openBrowser(t.baseUrl);
    const visitor = await openBrowser(t.baseUrl);
    try {
      // The holder sees their certificates and downloads the PDF.
      await logInAs(trainee.page, traineeEmail);
      await visit(trainee.page, '/my/certificates');
      await expectAccessible(trainee.page, 'certificates-mine');
      const [download] = await Promise.all([
        trainee.page.waitForEvent('download'),
        trainee.page.getByRole('link', { name: `Lejupielādēt PDF ${valid.serial}` }).click(),
      ]);
      const pdf = await download.path();

      const { page } = visitor;
      await page.setViewportSize(PHONE);
      await visit(page, '/verify');
      await expectAccessible(page, 'verify-phone');
      await page.fill('#field-code', valid.verificationCode.toLowerCase());
      await Promise.all([page.waitForURL('**/verify/*-*-*-*'), page.click('main form[method=get] button[type=submit]')]);
      await page.getByText('Apliecība ir atsaukta 2012. gada 20. jūnijā. Iemesls: Izsniegta kļūdas dēļ.').waitFor();
      await page.getByRole('link', { name: /Aizstāj apliecību/ }).waitFor();
      await expectAccessible(page, 'verify-result-phone');
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
      await Promise.all([page.waitForURL('**/verify/*'), page.getByRole('link', { name: 'English' }).click()]);
      await page.getByText('The certificate was revoked on 20 June 2012.').waitFor();

      await visit(page, '/verify');
      await page.setInputFiles('#field-file', pdf!);
      await page.click('main form[enctype] button[type=submit]');
      await page.getByText(`This file is an unaltered original: certificate ${valid.serial}.`).waitFor();
      await expectAccessible(page, 'verify-file-phone');
    } finally {
      await trainee.close();
      await visitor.close();
    }
  });
});
