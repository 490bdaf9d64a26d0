import { unitOfWork } from '../../src/database/unit-of-work';
import { OutboxMessage } from '../../src/notifications/outbox-message.entity';
import { PasswordTokensService } from '../../src/users/password-tokens.service';
import type { Role } from '../../src/common/roles';
import {
  expectAccessible,
  logInAs,
  openBrowser,
  serveWebApp,
  switchLanguage,
  visit,
  type ServedApp,
  type TestBrowser,
} from '../support/browser';
import { createUser } from '../support/factories';

/** Every page each role can reach; a new page belongs here as soon as it exists. */
const PAGES: Record<Role, string[]> = {
  trainee: ['/', '/profile', '/my/record'],
  instructor: ['/', '/profile', '/reports/exports'],
  admin: ['/', '/profile', '/admin/users', '/admin/users/new', '/admin/users/import', '/admin/audit', '/admin/outbox'],
};

const PHONE = { width: 375, height: 667 };

const shot = (...parts: string[]) => parts.join('-').replace(/^-+|-+$/g, '');
const pageName = (path: string) => (path === '/' ? 'home' : path.replace(/^\//, '').replace(/\//g, '_'));

/** A real invitation link, as the invitation email carries it. */
async function invitationPath(t: ServedApp): Promise<string> {
  const invited = await createUser(t.dataSource, { password: null, name: 'Līga Uzaicinātā' });
  const tokens = t.app.get(PasswordTokensService);
  await unitOfWork(t.dataSource, (manager) => tokens.issue(manager, invited, 'invitation'));
  const email = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ recipientId: invited.id, template: 'invitation' });
  return new URL(String(email.data.link)).pathname;
}

/** The page is no wider than the screen: nothing needs scrolling sideways (WCAG 1.4.10 reflow). */
async function expectNoSidewaysScroll(b: TestBrowser): Promise<void> {
  const width = await b.page.evaluate('document.documentElement.scrollWidth');
  expect(Number(width)).toBeLessThanOrEqual(PHONE.width);
}

describe('pages in Chromium meet WCAG 2.1 AA (axe-core)', () => {
  let t: ServedApp;

  beforeAll(async () => {
    t = await serveWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('a visitor', () => {
    let b: TestBrowser;
    let setPasswordPath: string;
    const pages = () => ['/login', '/password-reset', setPasswordPath];

    beforeAll(async () => {
      setPasswordPath = await invitationPath(t);
      b = await openBrowser(t.baseUrl);
    });
    afterAll(async () => {
      await b?.close();
    });

    it('finds the login, password reset and set-password pages accessible in Latvian', async () => {
      for (const path of pages()) {
        await visit(b.page, path);
        expect(await b.page.getAttribute('html', 'lang')).toBe('lv');
        await expectAccessible(b.page, shot('visitor', 'lv', path.startsWith('/password/') ? 'set-password' : pageName(path)));
      }
    });

    it('switches to English with the header button and finds the same pages accessible', async () => {
      await visit(b.page, '/login');
      await switchLanguage(b.page, 'en');
      expect(new URL(b.page.url()).pathname).toBe('/login');
      expect(await b.page.textContent('h1')).toBe('Log in');
      for (const path of pages()) {
        await visit(b.page, path);
        expect(await b.page.getAttribute('html', 'lang')).toBe('en');
        await expectAccessible(b.page, shot('visitor', 'en', path.startsWith('/password/') ? 'set-password' : pageName(path)));
      }
      // A new visitor again: no session, no language cookie, so Latvian.
      await b.context.clearCookies();
    });

    it('would notice a violation (the check itself works)', async () => {
      await visit(b.page, '/login');
      await b.page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="data:," width="10" height="10">')`);
      await expect(expectAccessible(b.page, 'visitor-lv-login-broken-on-purpose')).rejects.toThrow(/image-alt/);
    });

    it('announces a wrong password in an alert', async () => {
      const user = await createUser(t.dataSource);
      await visit(b.page, '/login');
      await b.page.fill('#field-email', user.email);
      await b.page.fill('#field-password', 'not the password');
      const [response] = await Promise.all([
        b.page.waitForResponse((r) => r.request().method() === 'POST'),
        b.page.click('main form button[type=submit]'),
      ]);
      await b.page.waitForLoadState('load');
      expect(response.status()).toBe(422);
      const alert = b.page.locator('[role=alert]');
      await expect(alert.count()).resolves.toBe(1);
      expect(await alert.innerText()).toContain('Nepareizs e-pasts vai parole.');
      expect(await b.page.inputValue('#field-email')).toBe(user.email);
      await expectAccessible(b.page, 'visitor-lv-login-error');
    });

    it('puts the skip link first in the tab order, and it leads to the main content', async () => {
      await visit(b.page, '/login');
      await b.page.keyboard.press('Tab');
      const first = b.page.locator(':focus');
      expect(await first.getAttribute('class')).toBe('skip-link');
      expect(await first.getAttribute('href')).toBe('#main');
      const box = await first.boundingBox();
      expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
      await b.page.keyboard.press('Enter');
      const order: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        await b.page.keyboard.press('Tab');
        const focused = b.page.locator(':focus');
        order.push((await focused.getAttribute('id')) ?? (await focused.getAttribute('type')));
      }
      expect(order).toEqual(['field-email', 'field-password', 'submit']);
    });

    it('fits the login page on a phone screen', async () => {
      await b.page.setViewportSize(PHONE);
      try {
        await visit(b.page, '/login');
        await expectNoSidewaysScroll(b);
        await expectAccessible(b.page, 'visitor-lv-login-phone');
      } finally {
        await b.page.setViewportSize({ width: 1280, height: 900 });
      }
    });
  });

  describe.each(Object.keys(PAGES) as Role[])('a user with the role %s', (role) => {
    let b: TestBrowser;

    beforeAll(async () => {
      const user = await createUser(t.dataSource, { roles: [role], name: `Testa ${role}` });
      b = await openBrowser(t.baseUrl);
      await logInAs(b.page, user.email);
    });
    afterAll(async () => {
      await b?.close();
    });

    it.each(PAGES[role])('finds %s accessible in Latvian', async (path) => {
      await visit(b.page, path);
      expect(await b.page.getAttribute('html', 'lang')).toBe('lv');
      await expectAccessible(b.page, shot(role, 'lv', pageName(path)));
    });

    it('switches to English with the header button', async () => {
      await visit(b.page, '/');
      await switchLanguage(b.page, 'en');
      expect(new URL(b.page.url()).pathname).toBe('/');
      expect(await b.page.textContent('header nav')).toContain('Home');
    });

    it.each(PAGES[role])('finds %s accessible in English', async (path) => {
      await visit(b.page, path);
      expect(await b.page.getAttribute('html', 'lang')).toBe('en');
      await expectAccessible(b.page, shot(role, 'en', pageName(path)));
    });

    it('fits the start page on a phone screen', async () => {
      await b.page.setViewportSize(PHONE);
      try {
        await visit(b.page, '/');
        await expectNoSidewaysScroll(b);
        await expectAccessible(b.page, shot(role, 'en', 'home-phone'));
      } finally {
        await b.page.setViewportSize({ width: 1280, height: 900 });
      }
    });
  });
});
