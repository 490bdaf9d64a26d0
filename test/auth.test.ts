import { startWebApp, TestApp } from './support/app';
import { createAdmin, createTrainee, TEST_PASSWORD } from './support/factories';
import { csrfFrom, csrfToken } from './support/http';

describe('logging in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t.close());

  it('lets a user log in with the right password and renews the session id', async () => {
    const user = await createTrainee(t.dataSource);
    const agent = t.agent();
    const sessionId = (res: { headers: Record<string, unknown> }) => /kursors\.sid=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];
    const form = await agent.get('/login');
    const before = sessionId(form);
    expect(before).toMatch(/^s%3A.+/);
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), email: user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(303);
    const after = sessionId(login);
    expect(after).toMatch(/^s%3A.+/);
    expect(after).not.toBe(before);
    const home = await agent.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain(user.name);
    // The id the visitor had before logging in does not carry the login.
    const fixed = await t.http().get('/').set('Cookie', `kursors.sid=${before}`);
    expect(fixed.status).toBe(303);
    expect(fixed.headers.location).toBe('/login?next=%2F');
  });

  it('refuses a wrong password with a message in Latvian', async () => {
    const user = await createTrainee(t.dataSource);
    const agent = t.agent();
    const token = await csrfToken(agent);
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: user.email, password: 'wrong password!' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Nepareizs e-pasts vai parole.');
    // The form shown again keeps the page's title.
    expect(res.text).toContain('<title>Pieteikšanās · Kursors</title>');
  });

  it('shows the reset request again with its title and the field named when the email is not one', async () => {
    const agent = t.agent();
    const token = await csrfToken(agent, '/password-reset');
    const res = await agent.post('/password-reset').type('form').send({ _csrf: token, email: 'not an email' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('<title>Paroles atjaunošana · Kursors</title>');
    expect(res.text).toMatch(/id="error-email"/);
  });

  it('sends an anonymous visitor to the login page', async () => {
    const res = await t.http().get('/admin/users');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fadmin%2Fusers');
  });

  it('refuses a login form without a CSRF token', async () => {
    const admin = await createAdmin(t.dataSource);
    const res = await t.agent().post('/login').type('form').send({ email: admin.email, password: TEST_PASSWORD });
    expect(res.status).toBe(403);
  });
});
