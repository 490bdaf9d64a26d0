import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createTrainee, TEST_PASSWORD } from './support/factories';
import { csrfToken, logIn, postForm, unescapeHtml } from './support/http';
import { createCohort, createPart, createProgramme, createSession } from './support/schedule-factories';

describe('the audit log', () => {
  let t: TestApp;
  let admin: User;
  let agent: ReturnType<TestApp['agent']>;
  let bearer: string;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource, { name: `Auditors ${randomUUID().slice(0, 6)}` });
    agent = await logIn(t.agent(), admin.email);
    bearer = `Bearer ${(await createApiToken(t.dataSource, admin)).secret}`;
  });
  afterAll(() => t.close());

  type ApiEvent = {
    action: string;
    actorId: string | null;
    entityId: string | null;
    actor: { name: string } | null;
    after: Record<string, unknown> | null;
  };
  const events = async (query: Record<string, string>) => {
    const res = await t
      .http()
      .get('/api/v1/audit')
      .set('Authorization', bearer)
      .query({ pageSize: 200, ...query });
    expect(res.status).toBe(200);
    return res.body.items as ApiEvent[];
  };

  it('records logins, failed logins, new users, disabling, role changes and new tokens, and shows them', async () => {
    const trainee = await createTrainee(t.dataSource);
    await logIn(t.agent(), trainee.email);
    const stranger = t.agent();
    const token = await csrfToken(stranger);
    const failed = await stranger
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: trainee.email, password: `${TEST_PASSWORD}!` });
    expect(failed.status).toBe(422);

    const email = `audits-${randomUUID().slice(0, 8)}@daugavpils.lv`;
    const created = await postForm(agent, '/admin/users/new', { name: 'Jauns Darbinieks', email, roles: 'trainee', language: 'lv' });
    const newId = created.headers.location.split('/').pop()!;
    await postForm(agent, `/admin/users/${newId}`, { name: 'Jauns Darbinieks', roles: ['trainee', 'instructor'], language: 'lv' });
    await postForm(agent, `/admin/users/${newId}/disable`, { confirm: 'yes' });
    await postForm(agent, `/admin/users/${newId}/tokens`, { name: 'Audita atslēga' });

    const mine = await events({ entityId: trainee.id });
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
    expect(mine.find((e) => e.action === 'auth.login')!.actorId).toBe(trainee.id);
    expect(mine.find((e) => e.action === 'auth.login_failed')!.actorId).toBeNull();

    const byAdmin = await events({ actor: admin.email });
    const actions = byAdmin.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.roles_changed', 'user.disabled', 'api_token.created']));
    expect(byAdmin.every((e) => e.actorId === admin.id && e.actor?.name === admin.name)).toBe(true);
    const tokenEvent = byAdmin.find((e) => e.action === 'api_token.created')!;
    expect(tokenEvent.after).toMatchObject({ userId: newId, name: 'Audita atslēga' });
    expect(JSON.stringify(byAdmin)).not.toMatch(/kst_|passwordHash/);

    const page = await agent.get('/admin/audit').query({ actor: admin.email });
    expect(page.status).toBe(200);
    for (const label of ['Lietotājs izveidots', 'Lomas mainītas', 'Lietotājs atspējots', 'API atslēga izveidota'])
      expect(page.text).toContain(label);
    expect(page.text).toContain('<caption>Audita notikumi</caption>');
    expect(page.text).toContain(admin.name);

    const logins = await agent.get('/admin/audit').query({ action: 'auth.login_failed' });
    expect(logins.text).toContain('<td data-label="Darbība">Neveiksmīga pieteikšanās</td>');
    expect(logins.text).not.toContain('<td data-label="Darbība">Lomas mainītas</td>');
    expect(logins.text).toContain('<option value="auth.login_failed" selected>');
  });

  it("reads as people speak: labels in the reader's language, names instead of ids, plain addresses", async () => {
    const programme = await createProgramme(t.dataSource);
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, programme), { name: 'Daugavpils 2. grupa' });
    const session = await createSession(t.dataSource, cohort, { title: 'Projektu vadība: ievads' });
    const cancelled = await t
      .http()
      .post(`/api/v1/sessions/${session.id}/cancel`)
      .set('Authorization', bearer)
      .send({ reason: 'Pasniedzējs slims' });
    expect(cancelled.status).toBe(200);
    const trainee = await createTrainee(t.dataSource, { name: 'Līga Ozola' });
    const switcher = await logIn(t.agent(), trainee.email);
    await switcher
      .post('/language')
      .type('form')
      .send({ _csrf: await csrfToken(switcher, '/'), lang: 'en', next: '/' });

    const sessionPage = (await agent.get('/admin/audit').query({ entityType: 'session', actor: admin.email })).text;
    expect(sessionPage).toContain('<td data-label="Darbība">Nodarbība atcelta</td>');
    expect(sessionPage).toContain(`<a href="/sessions/${session.id}">Projektu vadība: ievads</a>`);
    expect(sessionPage).toContain('<td data-label="IP adrese">127.0.0.1</td>');
    expect(sessionPage).not.toContain('::ffff:');
    expect(sessionPage).not.toContain(`<code class="wrap-anywhere">${session.id}</code>`);

    const userPage = (await agent.get('/admin/audit').query({ entityType: 'user', actor: trainee.email })).text;
    expect(userPage).toContain('<td data-label="Darbība">Valoda mainīta</td>');
    expect(userPage).not.toContain('<td data-label="Darbība">Profils mainīts</td>');
    expect(userPage).toContain(`<a href="/admin/users/${trainee.id}">Līga Ozola</a>`);
    expect((await events({ actor: trainee.id, action: 'user.language_changed' }))[0]).toMatchObject({ after: { language: 'en' } });
    expect(await events({ actor: trainee.id, action: 'user.profile_updated' })).toHaveLength(0);

    const english = await logIn(t.agent(), (await createAdmin(t.dataSource, { language: 'en' })).email);
    const englishPage = (await english.get('/admin/audit').query({ entityType: 'session', actor: admin.email })).text;
    expect(englishPage).toContain('<td data-label="Action">Session cancelled</td>');
  });

  it('has a label in both languages for every action the platform records', () => {
    const actions = new Set<string>(['session.moved', 'session.cancelled', 'session.restored']);
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of walk('src').filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
      const source = readFileSync(file, 'utf8');
      for (const call of source.split('audit.record(').slice(1)) {
        for (const match of callArguments(call).matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(match[1]);
      }
    }
    expect(actions.size).toBeGreaterThan(40);
    for (const lang of ['lv', 'en']) {
      const labels = JSON.parse(readFileSync(`locales/${lang}/audit.json`, 'utf8')).actions;
      const label = (action: string) => action.split('.').reduce((node, key) => node?.[key], labels);
      for (const action of actions) expect([lang, action, typeof label(action)]).toEqual([lang, action, 'string']);
    }
  });

  it('filters by record type and Riga calendar days, and pages the results', async () => {
    const trainee = await createTrainee(t.dataSource);
    for (let i = 0; i < 3; i++) await postForm(agent, `/admin/users/${trainee.id}/invite`, {});
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' }).format(new Date());

    expect(await events({ entityId: trainee.id, from: today, to: today })).toHaveLength(3);
    expect(await events({ entityId: trainee.id, to: '2012-12-14' })).toHaveLength(0);
    expect((await events({ entityType: 'api_token', actor: admin.id })).every((e) => e.action.startsWith('api_token.'))).toBe(true);

    const first = await agent.get('/admin/audit').query({ entityId: trainee.id, pageSize: 2 });
    expect(first.text).toContain('1–2 no 3 ierakstiem');
    const next = unescapeHtml(/href="([^"]+)" rel="next"/.exec(first.text)![1]);
    expect(next).toContain(`entityId=${trainee.id}`);
    expect((await agent.get(next)).text).toContain('3–3 no 3 ierakstiem');

    const bad = await t.http().get('/api/v1/audit').set('Authorization', bearer).query({ from: '14.12.2012' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from', code: 'format.date' })]);
  });

  it('is for administrators only', async () => {
    const trainee = await createTrainee(t.dataSource);
    const { secret } = await createApiToken(t.dataSource, trainee);
    expect((await t.http().get('/api/v1/audit').set('Authorization', `Bearer ${secret}`)).status).toBe(403);
    expect((await (await logIn(t.agent(), trainee.email)).get('/admin/audit')).status).toBe(403);
  });
});

/** The text of a call's arguments: everything up to the parenthesis that closes it. */
function callArguments(rest: string): string {
  let depth = 1;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '(') depth += 1;
    else if (rest[i] === ')' && --depth === 0) return rest.slice(0, i);
  }
  return rest;
}
