import { randomUUID } from 'node:crypto';
import { ApiToken } from '../src/auth/api-token.entity';
import { sha256 } from '../src/auth/secrets';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createTrainee, createUser } from './support/factories';
import { csrfToken, logIn, postForm, relLink, unescapeHtml } from './support/http';

describe('the administrator’s user pages', () => {
  let t: TestApp;
  let admin: User;
  let agent: ReturnType<TestApp['agent']>;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource, { name: 'Ilze Administratore' });
    agent = await logIn(t.agent(), admin.email);
  });
  afterAll(() => t.close());

  const userByEmail = (email: string) => t.dataSource.getRepository(User).findOneBy({ email });
  const invitationsTo = (email: string) =>
    t.dataSource.getRepository(OutboxMessage).countBy({ recipientEmail: email, template: 'invitation' });

  it('finds users by name, email or department, filters by role and status, and pages the list', async () => {
    const department = `Nodaļa ${randomUUID().slice(0, 6)}`;
    await createTrainee(t.dataSource, { name: 'Anna Bērziņa', department });
    await createUser(t.dataSource, { name: 'Jānis Pasniedzējs', roles: ['instructor'], department });
    await createTrainee(t.dataSource, { name: 'Pēteris Kalniņš', department, disabled: true });

    const all = await agent.get('/admin/users').query({ q: department });
    expect(all.status).toBe(200);
    expect(all.text).toContain('Atrasti 3 lietotāji');
    for (const name of ['Anna Bērziņa', 'Jānis Pasniedzējs', 'Pēteris Kalniņš']) expect(all.text).toContain(name);
    expect(all.text).toContain('<th scope="col">E-pasts</th>');
    expect(all.text).toContain('data-label="Statuss"');

    const instructors = await agent.get('/admin/users').query({ q: department, role: 'instructor' });
    expect(instructors.text).toContain('Atrasts 1 lietotājs');
    expect(instructors.text).toContain('Jānis Pasniedzējs');
    expect(instructors.text).not.toContain('Anna Bērziņa');

    const disabled = await agent.get('/admin/users').query({ q: department, status: 'disabled' });
    expect(disabled.text).toContain('Pēteris Kalniņš');
    expect(disabled.text).toContain('Atspējots');
    expect(disabled.text).not.toContain('Anna Bērziņa');

    const first = await agent.get('/admin/users').query({ q: department, pageSize: 2 });
    expect(first.text).toContain('1–2 no 3 ierakstiem');
    const second = await agent.get(relLink(first.text, 'next'));
    expect(second.text).toContain('3–3 no 3 ierakstiem');
    expect(second.text).toContain('Pēteris Kalniņš');
    expect(second.text).toContain('rel="prev"');
  });

  it('creates a user from the form and queues their invitation', async () => {
    const email = `jauns-${randomUUID().slice(0, 8)}@daugavpils.lv`;
    const res = await postForm(agent, '/admin/users/new', {
      name: 'Līga Ozoliņa',
      email: email.toUpperCase(),
      roles: ['trainee', 'instructor'],
      department: 'Finanšu nodaļa',
      language: 'lv',
    });
    expect(res.status).toBe(303);
    const user = await userByEmail(email);
    expect(user).toMatchObject({ name: 'Līga Ozoliņa', roles: ['trainee', 'instructor'], department: 'Finanšu nodaļa' });
    expect(res.headers.location).toBe(`/admin/users/${user!.id}`);
    expect(await invitationsTo(email)).toBe(1);

    const page = await agent.get(res.headers.location);
    expect(page.text).toContain('Lietotājs izveidots; ielūgums nosūtīts uz viņa e-pastu.');
    expect(page.text).toContain('Uzaicināts');
  });

  it('shows the form again with each Latvian message next to its field, and writes nothing', async () => {
    const email = `slikts-${randomUUID().slice(0, 8)}`;
    const res = await postForm(agent, '/admin/users/new', { name: 'x'.repeat(201), email, department: '', language: 'de' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="error-email"[^>]*>.*Ievadiet derīgu e-pasta adresi/s);
    expect(res.text).toMatch(/id="error-name"[^>]*>.*Ne vairāk kā 200 rakstzīmes\./s);
    expect(res.text).toMatch(/id="error-roles"[^>]*>.*Šis lauks ir obligāts|id="error-roles"[^>]*>.*Izvēlieties vismaz 1/s);
    expect(res.text).toMatch(/id="error-language"[^>]*>.*Izvēlieties vienu no: lv, en\./s);
    expect(res.text).toContain('aria-describedby="hint-email error-email"');
    expect(res.text).toContain(`value="${email}"`);
    expect(await userByEmail(email)).toBeNull();
  });

  it('refuses an email that already has an account, next to the email field', async () => {
    const existing = await createTrainee(t.dataSource);
    const res = await postForm(agent, '/admin/users/new', { name: 'Kāds Cits', email: existing.email, roles: 'trainee', language: 'lv' });
    expect(res.status).toBe(409);
    expect(res.text).toMatch(/id="error-email"[^>]*>.*Lietotājs ar šādu e-pastu jau ir\./s);
  });

  it('changes a user’s roles and records it in the audit log', async () => {
    const trainee = await createTrainee(t.dataSource);
    const form = await agent.get(`/admin/users/${trainee.id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(trainee.email);
    expect(form.text).toMatch(/<legend>Lomas/);

    const res = await postForm(agent, `/admin/users/${trainee.id}`, {
      name: 'Jauns Vārds',
      roles: ['trainee', 'instructor'],
      department: '',
      language: 'en',
    });
    expect(res.status).toBe(303);
    expect(await userByEmail(trainee.email)).toMatchObject({
      name: 'Jauns Vārds',
      roles: ['trainee', 'instructor'],
      department: null,
      language: 'en',
    });
    expect(
      await t.dataSource.getRepository(AuditEvent).countBy({ action: 'user.roles_changed', entityId: trainee.id, actorId: admin.id }),
    ).toBe(1);
  });

  it('disabling a user ends all their sessions at once, and their API token stops working', async () => {
    const trainee = await createTrainee(t.dataSource);
    const phone = await logIn(t.agent(), trainee.email);
    const laptop = await logIn(t.agent(), trainee.email);
    const { secret } = await createApiToken(t.dataSource, trainee);
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`)).status).toBe(200);

    // The button asks first, on a page of its own, and changes nothing until confirmed.
    const asked = await postForm(agent, `/admin/users/${trainee.id}/disable`, { next: '/admin/users?status=disabled' });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(`Atspējot lietotāju ${trainee.name}?`);
    expect(asked.text).toMatch(/name="confirm" value="yes"/);
    expect(unescapeHtml(asked.text)).toContain('<input type="hidden" name="next" value="/admin/users?status=disabled">');
    expect((await userByEmail(trainee.email))!.disabledAt).toBeNull();
    expect((await phone.get('/')).status).toBe(200);

    const res = await postForm(agent, `/admin/users/${trainee.id}/disable`, { next: '/admin/users?status=disabled', confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/users?status=disabled');

    for (const device of [phone, laptop]) {
      const next = await device.get('/');
      expect(next.status).toBe(303);
      expect(next.headers.location).toBe('/login?next=%2F');
    }
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`)).status).toBe(401);
    expect((await userByEmail(trainee.email))!.disabledAt).toBeInstanceOf(Date);

    const enabled = await postForm(agent, `/admin/users/${trainee.id}/enable`, {});
    expect(enabled.headers.location).toBe(`/admin/users/${trainee.id}`);
    expect((await userByEmail(trainee.email))!.disabledAt).toBeNull();
  });

  it('does not let an administrator disable themselves or drop their own admin role', async () => {
    const self = await postForm(agent, `/admin/users/${admin.id}/disable`, { confirm: 'yes' });
    expect(self.status).toBe(409);
    expect(self.text).toContain('Jūs nevarat atspējot pats sevi.');

    const roles = await postForm(agent, `/admin/users/${admin.id}`, { name: admin.name, roles: 'trainee', language: 'lv' });
    expect(roles.status).toBe(409);
    expect(roles.text).toMatch(/id="error-roles"[^>]*>.*Jūs nevarat noņemt administratora lomu pats sev\./s);
    expect((await userByEmail(admin.email))!).toMatchObject({ roles: ['admin'], disabledAt: null });
    expect((await agent.get('/admin/users')).status).toBe(200);
  });

  it('refuses a form without a valid CSRF token and changes nothing', async () => {
    const trainee = await createTrainee(t.dataSource);
    const missing = await agent.post(`/admin/users/${trainee.id}/disable`).type('form').send({});
    expect(missing.status).toBe(403);
    const wrong = await agent.post(`/admin/users/${trainee.id}/disable`).type('form').send({ _csrf: 'forged-token' });
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('Veidlapa ir novecojusi');
    expect((await userByEmail(trainee.email))!.disabledAt).toBeNull();
  });

  it('sends a fresh invitation on request', async () => {
    const invited = await createTrainee(t.dataSource, { password: null });
    const res = await postForm(agent, `/admin/users/${invited.id}/invite`, {});
    expect(res.status).toBe(303);
    expect(await invitationsTo(invited.email)).toBe(1);
    expect((await agent.get(res.headers.location)).text).toContain('Jauns ielūgums nosūtīts');
  });

  it('creates an API token, shows its secret once, keeps only its hash, and revokes it', async () => {
    const trainee = await createTrainee(t.dataSource);
    const form = await agent.get(`/admin/users/${trainee.id}/tokens/new`);
    expect(form.status).toBe(200);

    const empty = await postForm(agent, `/admin/users/${trainee.id}/tokens`, { name: '' });
    expect(empty.status).toBe(422);
    expect(empty.text).toMatch(/id="error-name"/);

    const created = await postForm(agent, `/admin/users/${trainee.id}/tokens`, { name: 'Atskaišu skripts' });
    expect(created.status).toBe(201);
    const secret = /id="token-secret"[^>]*value="([^"]+)"/.exec(created.text)![1];
    expect(created.text).toContain('Tā tiek rādīta tikai šo vienu reizi');
    const stored = await t.dataSource.getRepository(ApiToken).findOneByOrFail({ userId: trainee.id });
    expect(stored.tokenHash).toBe(sha256(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);

    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(trainee.email);

    const userPage = await agent.get(`/admin/users/${trainee.id}`);
    expect(userPage.text).toContain('Atskaišu skripts');
    expect(userPage.text).toContain(stored.prefix);
    expect(userPage.text).not.toContain(secret);

    const asked = await postForm(agent, `/admin/users/${trainee.id}/tokens/${stored.id}/revoke`, {});
    expect([asked.status, asked.text.includes('Atsaukt API atslēgu “Atskaišu skripts”?')]).toEqual([200, true]);
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`)).status).toBe(200);
    const revoked = await postForm(agent, `/admin/users/${trainee.id}/tokens/${stored.id}/revoke`, { confirm: 'yes' });
    expect(revoked.status).toBe(303);
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`)).status).toBe(401);
    expect((await agent.get(`/admin/users/${trainee.id}`)).text).toContain('Atsaukta');
  });

  it('answers 404 for a user that does not exist', async () => {
    expect((await agent.get(`/admin/users/${randomUUID()}`)).status).toBe(404);
    expect((await agent.get('/admin/users/not-a-uuid')).status).toBe(404);
    const token = await csrfToken(agent, '/admin/users');
    expect(
      (await agent.post(`/admin/users/${randomUUID()}`).type('form').send({ _csrf: token, name: 'X', roles: 'trainee', language: 'lv' }))
        .status,
    ).toBe(404);
  });
});
