import type { Page } from 'playwright-core';
import { OutboxMessage } from '../../src/notifications/outbox-message.entity';
import { User } from '../../src/users/user.entity';
import { expectAccessible, logInAs, openBrowser, serveWebApp, visit, type ServedApp, type TestBrowser } from '../support/browser';
import { createAdmin, createTrainee } from '../support/factories';

const PHONE = { width: 375, height: 667 };

/** Presses the form's submit button and waits for the next page; answers the POST's status. */
async function submit(page: Page, form = 'main form[method=post]'): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator(form).locator('button[type=submit]').first().click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

/** The path of the newest link of this kind that was emailed to the person. */
async function emailedLink(t: ServedApp, email: string, template: 'invitation' | 'password-reset'): Promise<string> {
  const user = await t.dataSource.getRepository(User).findOneByOrFail({ email });
  const message = await t.dataSource
    .getRepository(OutboxMessage)
    .findOneOrFail({ where: { recipientId: user.id, template }, order: { createdAt: 'DESC' } });
  return new URL(String(message.data.link)).pathname;
}

/** Types the new password twice, as a person would, and saves it; the person lands logged in on the start page. */
async function setPassword(page: Page, path: string, password: string, shot: string): Promise<void> {
  await visit(page, path);
  await page.getByLabel('Jaunā parole').fill(password);
  await page.getByLabel('Atkārtojiet paroli').fill(password);
  await expectAccessible(page, shot);
  expect(await submit(page)).toBe(303);
  expect(new URL(page.url()).pathname).toBe('/');
  await page.getByText('Parole saglabāta. Jūs esat pieteicies.').waitFor();
}

async function logOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.click('header form.logout button')]);
}

describe('setting a password in Chromium, from an invitation and from a reset link', () => {
  let t: ServedApp;
  let adminEmail: string;

  beforeAll(async () => {
    t = await serveWebApp();
    adminEmail = (await createAdmin(t.dataSource, { name: 'Ilze Ozola' })).email;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an invited person sets a password through the form and then logs in with it', async () => {
    const email = `liga-${Date.now()}@kursors.test`;
    const admin = await openBrowser(t.baseUrl);
    try {
      await logInAs(admin.page, adminEmail);
      await visit(admin.page, '/admin/users/new');
      await admin.page.getByLabel('Vārds, uzvārds').fill('Līga Uzaicinātā');
      await admin.page.getByLabel('E-pasts').fill(email);
      expect(await submit(admin.page)).toBe(303);
      await admin.page.getByRole('heading', { name: 'Līga Uzaicinātā' }).waitFor();
    } finally {
      await admin.close();
    }

    const b = await openBrowser(t.baseUrl);
    try {
      await setPassword(b.page, await emailedLink(t, email, 'invitation'), 'Latgales vasara 2012', 'accounts-invitation-set-password');
      await logOut(b.page);
      await logInAs(b.page, email, 'Latgales vasara 2012');
      await b.page.getByText('Līga Uzaicinātā').first().waitFor();
    } finally {
      await b.close();
    }
  });

  it('a person who forgot the password asks for a link, sets a new one and logs in with it', async () => {
    const person = await createTrainee(t.dataSource, { name: 'Jānis Aizmirsējs' });
    const b: TestBrowser = await openBrowser(t.baseUrl);
    try {
      await visit(b.page, '/login');
      await Promise.all([
        b.page.waitForURL((url) => url.pathname === '/password-reset'),
        b.page.getByRole('link', { name: 'Aizmirsāt paroli?' }).click(),
      ]);
      await b.page.getByLabel('E-pasts').fill(person.email);
      expect(await submit(b.page)).toBe(200);
      await b.page.getByText('Ja šim e-pastam ir konts').waitFor();

      const path = await emailedLink(t, person.email, 'password-reset');
      await b.page.setViewportSize(PHONE);
      await setPassword(b.page, path, 'Rēzeknes ziema 2013', 'accounts-reset-set-password-phone');
      await logOut(b.page);
      await logInAs(b.page, person.email, 'Rēzeknes ziema 2013');
      await b.page.getByText('Jānis Aizmirsējs').first().waitFor();
    } finally {
      await b.close();
    }
  });

  it('explains a refused password on the same form, which still carries the email for password managers', async () => {
    const person = await createTrainee(t.dataSource, { name: 'Anna Pārbaudītāja' });
    const b = await openBrowser(t.baseUrl);
    try {
      await visit(b.page, '/password-reset');
      await b.page.getByLabel('E-pasts').fill(person.email);
      expect(await submit(b.page)).toBe(200);
      const path = await emailedLink(t, person.email, 'password-reset');
      await visit(b.page, path);
      await b.page.getByLabel('Jaunā parole').fill('Latgales vasara 2012');
      await b.page.getByLabel('Atkārtojiet paroli').fill('Latgales ziema 2012');
      expect(await submit(b.page)).toBe(422);
      expect(await b.page.textContent('.error-summary')).toContain('Paroles nesakrīt.');
      expect(await b.page.textContent('h1')).toBe('Jaunas paroles iestatīšana');
      expect(await b.page.inputValue('input[name=username]')).toBe(person.email);
      await expectAccessible(b.page, 'accounts-reset-set-password-refused');
    } finally {
      await b.close();
    }
  });
});
