import { chromium } from 'playwright-core';
import {
  CHROMIUM_PATH,
  expectAccessible,
  logInAs,
  openBrowser,
  serveWebApp,
  visit,
  type ServedApp,
  type TestBrowser,
} from '../support/browser';
import { createAdmin } from '../support/factories';

const PHONE = { width: 375, height: 667 };

describe('the main menu', () => {
  let t: ServedApp;
  let b: TestBrowser;

  beforeAll(async () => {
    t = await serveWebApp();
    b = await openBrowser(t.baseUrl);
    await logInAs(b.page, (await createAdmin(t.dataSource, { name: 'Ilze Administratore' })).email);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const menuButton = () => b.page.locator('nav.site-nav summary');
  const navHeight = async () => (await b.page.locator('nav.site-nav').boundingBox())!.height;

  it('shows every link in a row or two on a wide screen, with no menu button', async () => {
    await b.page.setViewportSize({ width: 1280, height: 900 });
    await visit(b.page, '/admin/audit');
    expect(await menuButton().isVisible()).toBe(false);
    expect(await b.page.locator('nav.site-nav .nav-wide a[href="/admin/outbox"]').isVisible()).toBe(true);
    expect(await navHeight()).toBeLessThan(100);
    await expectAccessible(b.page, 'menu-desktop');
  });

  it('is one button on a phone that opens and closes with the keyboard, without any script', async () => {
    await b.page.setViewportSize(PHONE);
    await visit(b.page, '/admin/audit');
    expect(await navHeight()).toBeLessThan(60);
    expect(await b.page.locator('nav.site-nav a[href="/admin/outbox"]:visible').count()).toBe(0);
    expect(await menuButton().textContent()).toBe('Izvēlne: Audita žurnāls');
    await expectAccessible(b.page, 'menu-phone-closed');

    await menuButton().focus();
    await b.page.keyboard.press('Enter');
    const outbox = b.page.locator('nav.site-nav a[href="/admin/outbox"]:visible');
    await outbox.waitFor();
    expect(await b.page.locator('nav.site-nav a[aria-current="page"]:visible').textContent()).toBe('Audita žurnāls');
    await expectAccessible(b.page, 'menu-phone-open');
    const width = await b.page.evaluate('document.documentElement.scrollWidth');
    expect(Number(width)).toBeLessThanOrEqual(PHONE.width);

    await outbox.focus();
    await Promise.all([b.page.waitForURL((url) => url.pathname === '/admin/outbox'), b.page.keyboard.press('Enter')]);
    expect(await menuButton().textContent()).toBe('Izvēlne: E-pasti');

    await menuButton().focus();
    await b.page.keyboard.press('Space');
    expect(await b.page.locator('nav.site-nav details').getAttribute('open')).toBe('');
    await b.page.keyboard.press('Space');
    expect(await b.page.locator('nav.site-nav details').getAttribute('open')).toBeNull();
  });

  it('opens on a phone with JavaScript switched off', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, baseURL: t.baseUrl, locale: 'lv-LV' });
      const page = context.pages()[0] ?? (await context.newPage());
      await logInAs(page, (await createAdmin(t.dataSource)).email);
      await page.locator('nav.site-nav summary').click();
      await page.locator('nav.site-nav a[href="/admin/users"]:visible').waitFor();
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/admin/users'),
        page.locator('nav.site-nav a[href="/admin/users"]:visible').click(),
      ]);
    } finally {
      await browser.close();
    }
  });
});
