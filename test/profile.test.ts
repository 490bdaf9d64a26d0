import { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createTrainee } from './support/factories';
import { csrfToken, logIn, postForm } from './support/http';

describe('the profile page and the language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t.close());

  const reload = (user: User) => t.dataSource.getRepository(User).findOneByOrFail({ id: user.id });

  it('lets anyone signed in change their name, language and email preferences', async () => {
    const trainee = await createTrainee(t.dataSource, { name: 'Anna Bērziņa' });
    const agent = await logIn(t.agent(), trainee.email);
    const page = await agent.get('/profile');
    expect(page.status).toBe(200);
    expect(page.text).toContain(trainee.email);
    expect(page.text).toContain('<legend>E-pasta paziņojumi</legend>');
    expect(page.text).toMatch(/id="field-notifyReminders" name="notifyReminders" value="on" checked/);

    const res = await postForm(agent, '/profile', { name: 'Anna Kalniņa', language: 'lv', notifyUpdates: 'on' });
    expect(res.status).toBe(303);
    expect(await reload(trainee)).toMatchObject({ name: 'Anna Kalniņa', notifyReminders: false, notifyUpdates: true });
    const after = await agent.get('/profile');
    expect(after.text).toContain('Profils saglabāts.');
    expect(after.text).not.toMatch(/id="field-notifyReminders" name="notifyReminders" value="on" checked/);
  });

  it('shows the form again with the Latvian message next to the field, and saves nothing', async () => {
    const trainee = await createTrainee(t.dataSource, { name: 'Jānis Liepa' });
    const agent = await logIn(t.agent(), trainee.email);
    const res = await postForm(agent, '/profile', { name: '   ', language: 'lv', notifyReminders: 'on' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="error-name"[^>]*>.*Jābūt vismaz 1 rakstzīmei\./s);
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('href="#field-name"');
    expect((await reload(trainee)).name).toBe('Jānis Liepa');
  });

  it('shows English pages to a user whose language is English, and switching back saves it', async () => {
    const admin = await createAdmin(t.dataSource, { language: 'en' });
    const agent = await logIn(t.agent(), admin.email);
    const users = await agent.get('/admin/users');
    expect(users.text).toContain('<html lang="en">');
    expect(users.text).toContain('<h1>Users</h1>');
    expect(users.text).toContain('Add a user');
    const profile = await agent.get('/profile');
    expect(profile.text).toContain('My profile');
    expect(profile.text).toContain('Email notifications');

    const bad = await postForm(agent, '/profile', { name: '', language: 'en' });
    expect(bad.text).toMatch(/id="error-name"[^>]*>.*Must be at least 1 character\./s);

    const token = await csrfToken(agent, '/profile');
    const switched = await agent.post('/language').type('form').send({ _csrf: token, lang: 'lv', next: '/profile' });
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/profile');
    expect((await agent.get('/profile')).text).toContain('Mans profils');
    expect((await reload(admin)).language).toBe('lv');
  });

  it('lets an anonymous visitor switch the language', async () => {
    const agent = t.agent();
    expect((await agent.get('/login')).text).toContain('Pieteikšanās');
    const token = await csrfToken(agent, '/login');
    const res = await agent.post('/language').type('form').send({ _csrf: token, lang: 'en', next: '/login' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login');
    const login = await agent.get('/login');
    expect(login.text).toContain('<html lang="en">');
    expect(login.text).toContain('Log in');

    const fresh = t.agent();
    const forged = await fresh.post('/language').type('form').send({ lang: 'en', next: '/login' });
    expect(forged.status).toBe(403);
  });
});
