import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate } from '../../src/certificates/certificate.entity';
import { CertificatesService } from '../../src/certificates/certificates.service';
import type { SignedOpenBadge } from '../../src/certificates/open-badge';
import { Clock } from '../../src/common/clock';
import type { User } from '../../src/users/user.entity';
import {
  asSignedIn,
  expectAccessible,
  openBrowser,
  PHONE_VIEWPORT,
  serveWebApp,
  switchLanguage,
  visit,
  type ServedApp,
} from '../support/browser';
import { clearVerificationChecks, ISSUED_AT, issuedCertificate } from '../support/certificate-factories';
import { createAdmin } from '../support/factories';
import { useTemporaryUploadDir } from '../support/uploads';

const uploadDir = useTemporaryUploadDir();

describe('Open Badges in Chromium', () => {
  let t: ServedApp;
  let certificate: Certificate;
  let holder: User;

  beforeAll(async () => {
    t = await serveWebApp();
    t.app.get(Clock).set(ISSUED_AT);
    const app = { t, service: t.app.get(CertificatesService), admin: await createAdmin(t.dataSource) };
    const issued = await issuedCertificate(app, { names: ['Ģirts Žūriņš-Ķēniņš'] });
    ({ certificate } = issued);
    [holder] = issued.world.trainees;
  });
  beforeEach(() => clearVerificationChecks(t));
  afterAll(async () => {
    try {
      await t?.close();
    } finally {
      rmSync(uploadDir, { recursive: true, force: true });
    }
  });

  it('the holder downloads the badge, and anyone checks it on a phone by dropping the file, uploading it or pasting it', async () => {
    let name = '';
    let text = '';
    await asSignedIn(t.baseUrl, holder, async ({ page }) => {
      await visit(page, '/my/certificates');
      await expectAccessible(page, 'badges-mine');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: `Lejupielādēt Open Badge ${certificate.serial}` }).click(),
      ]);
      name = download.suggestedFilename();
      text = readFileSync((await download.path())!, 'utf8');
    });
    expect(name).toBe(`${certificate.serial.replace(/\//g, '-')}.json`);
    expect((JSON.parse(text) as SignedOpenBadge).type).toContain('OpenBadgeCredential');
    const file = join(uploadDir, name);
    writeFileSync(file, text);

    const visitor = await openBrowser(t.baseUrl);
    try {
      const { page } = visitor;
      await page.setViewportSize(PHONE_VIEWPORT);
      await visit(page, '/verify');
      await expectAccessible(page, 'verify-badge-phone');

      // dropped onto the badge's section, as a file dragged from the desktop
      // (a string, as the test code is not compiled with the browser's types)
      const dropped = await page.evaluateHandle(
        `(() => { const transfer = new DataTransfer(); transfer.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' })); return transfer; })()`,
      );
      await page.dispatchEvent('[data-badge-drop]', 'dragover', { dataTransfer: dropped });
      await page.dispatchEvent('[data-badge-drop]', 'drop', { dataTransfer: dropped });
      await page.getByText(`Fails ${name} ir izvēlēts.`).waitFor();
      await Promise.all([page.waitForURL('**/verify/badge'), page.getByRole('button', { name: 'Pārbaudīt Open Badge' }).click()]);
      await page.getByText(`Open Badge paraksts ir derīgs: tas izsniegts šeit un nav mainīts (apliecība ${certificate.serial}).`).waitFor();
      await page.getByText('Apliecība ir derīga.').waitFor();
      await expectAccessible(page, 'verify-badge-result-phone');
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE_VIEWPORT.width);

      // chosen with the file input
      await visit(page, '/verify');
      await page.setInputFiles('#field-badgeFile', file);
      await Promise.all([page.waitForURL('**/verify/badge'), page.getByRole('button', { name: 'Pārbaudīt Open Badge' }).click()]);
      await page.getByText('Apliecība ir derīga.').waitFor();

      // pasted, after someone raised the hours: altered, and a link to what the certificate really states
      await visit(page, '/verify');
      await page.fill('#field-badgeText', text.replace(/40 akadēmiskās stundas/g, '80 akadēmiskās stundas'));
      await Promise.all([page.waitForURL('**/verify/badge'), page.getByRole('button', { name: 'Pārbaudīt Open Badge' }).click()]);
      await page.getByText('Open Badge ir mainīts pēc parakstīšanas').waitFor();
      await expectAccessible(page, 'verify-badge-altered-phone');
      await Promise.all([
        page.waitForURL('**/verify/*-*-*-*'),
        page.getByRole('link', { name: /Tas atsaucas uz apliecību ar kodu/ }).click(),
      ]);
      await page.getByText('Apliecība ir derīga.').waitFor();

      // nothing chosen: the form says which field, and why
      await visit(page, '/verify');
      await page.getByRole('button', { name: 'Pārbaudīt Open Badge' }).click();
      await page.getByRole('link', { name: 'Izvēlieties Open Badge JSON failu vai ielīmējiet tā tekstu.' }).waitFor();
      await expectAccessible(page, 'verify-badge-refused-phone');

      // and in English
      await visit(page, '/verify');
      await switchLanguage(page, 'en');
      await page.setInputFiles('#field-badgeFile', file);
      await Promise.all([page.waitForURL('**/verify/badge'), page.getByRole('button', { name: 'Check the badge' }).click()]);
      await page
        .getByText(`The badge's signature is valid: it was issued here and is unaltered (certificate ${certificate.serial}).`)
        .waitFor();
      await expectAccessible(page, 'verify-badge-result-en-phone');
    } finally {
      await visitor.close();
    }
  });
});
