import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ApiToken } from '../src/auth/api-token.entity';
import { sha256 } from '../src/auth/secrets';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createTrainee } from './support/factories';
import { csrfToken, logIn } from './support/http';

describe('the users API', () => {
  let t: TestApp;
  let admin: User;
  let bearer: string;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource);
    bearer = `Bearer ${(await createApiToken(t.dataSource, admin)).secret}`;
  });
  afterAll(() => t.close());

  const api = () => ({
    get: (path: string) => t.http().get(path).set('Authorization', bearer),
    post: (path: string, body?: object) => t.http().post(path).set('Authorization', bearer).send(body),
    patch: (path: string, body: object) => t.http().patch(path).set('Authorization', bearer).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', bearer),
  });
  const userCount = () => t.dataSource.getRepository(User).count();

  it('creates, reads, changes, disables and enables a user, never showing the password hash', async () => {
    const email = `api-${randomUUID().slice(0, 8)}@daugavpils.lv`;
    const created = await api().post('/api/v1/users', {
      email,
      name: 'Inese Kalniņa',
      roles: ['trainee'],
      department: 'Izglītības pārvalde',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email,
      name: 'Inese Kalniņa',
      roles: ['trainee'],
      language: 'lv',
      status: 'invited',
      department: 'Izglītības pārvalde',
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password/i);
    const id = created.body.id as string;
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ recipientEmail: email, template: 'invitation' })).toBe(1);

    expect((await api().get(`/api/v1/users/${id}`)).body).toMatchObject({ id, email });
    const list = await api().get('/api/v1/users').query({ q: email });
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(list.body.items[0]).toMatchObject({ id, status: 'invited' });
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash/);

    const patched = await api().patch(`/api/v1/users/${id}`, { roles: ['trainee', 'instructor'], department: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Inese Kalniņa', roles: ['trainee', 'instructor'], department: null });

    expect((await api().post(`/api/v1/users/${id}/disable`)).body).toMatchObject({ status: 'disabled' });
    expect((await api().post(`/api/v1/users/${id}/enable`)).body).toMatchObject({ status: 'invited' });
    expect((await api().post(`/api/v1/users/${id}/invite`)).status).toBe(202);
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ recipientEmail: email, template: 'invitation' })).toBe(2);
  });

  it('refuses malformed JSON with 400 and writes nothing', async () => {
    const before = await userCount();
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', bearer)
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.lv", "name": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    expect(await userCount()).toBe(before);
  });

  it('names every bad field: wrong types, over-long text, unknown fields, a bad email', async () => {
    const before = await userCount();
    const res = await api().post('/api/v1/users', {
      email: 'nav-epasts',
      name: 'x'.repeat(201),
      roles: 'admin',
      department: 42,
      language: 'ru',
      isSuperuser: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries((res.body.errors as { field: string; code: string; message: string }[]).map((e) => [e.field, e]));
    expect(byField.email).toMatchObject({
      code: 'format.email',
      message: 'Ievadiet derīgu e-pasta adresi, piemēram, vards@daugavpils.lv.',
    });
    expect(byField.name).toMatchObject({ code: 'tooBig.string', message: 'Ne vairāk kā 200 rakstzīmes.' });
    expect(byField.department).toMatchObject({ code: 'type.string' });
    expect(byField.language).toMatchObject({ code: 'oneOf' });
    expect(byField.isSuperuser).toMatchObject({ code: 'unknownField' });
    expect(byField.roles).toBeUndefined();
    expect(await userCount()).toBe(before);

    const patch = await api().patch(`/api/v1/users/${admin.id}`, { roles: [], name: 7 });
    expect(patch.status).toBe(400);
    expect((patch.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['name', 'roles']);
  });

  it('answers in English to an English-speaking caller', async () => {
    const english = await createAdmin(t.dataSource, { language: 'en' });
    const { secret } = await createApiToken(t.dataSource, english);
    const res = await t.http().post('/api/v1/users').set('Authorization', `Bearer ${secret}`).send({ email: 'bad' });
    expect(res.status).toBe(400);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'email').message).toBe(
      'Enter a valid email address, like name@example.lv.',
    );
  });

  it('refuses an email that already has an account with 409', async () => {
    const trainee = await createTrainee(t.dataSource);
    const res = await api().post('/api/v1/users', { email: trainee.email.toUpperCase(), name: 'Dublikāts', roles: ['trainee'] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'EMAIL_TAKEN', errors: [{ field: 'email', code: 'emailTaken' }] });
  });

  it('keeps an administrator from disabling themselves or dropping their own admin role', async () => {
    const self = await api().post(`/api/v1/users/${admin.id}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('CANNOT_DISABLE_SELF');
    const roles = await api().patch(`/api/v1/users/${admin.id}`, { roles: ['trainee'] });
    expect(roles.status).toBe(409);
    expect(roles.body).toMatchObject({ code: 'CANNOT_REMOVE_OWN_ADMIN', errors: [{ field: 'roles' }] });
    expect((await api().get('/api/v1/me')).body).toMatchObject({ roles: ['admin'], status: 'active' });
  });

  it('answers 404 for users that do not exist', async () => {
    expect((await api().get(`/api/v1/users/${randomUUID()}`)).status).toBe(404);
    const res = await api().get('/api/v1/users/123');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Lietotājs nav atrasts.');
  });

  describe('API tokens', () => {
    it('creates a token shown once, lists it without its secret, and revokes it', async () => {
      const trainee = await createTrainee(t.dataSource);
      const created = await api().post(`/api/v1/users/${trainee.id}/tokens`, { name: 'Sinhronizācija' });
      expect(created.status).toBe(201);
      const secret = created.body.secret as string;
      expect(secret).toMatch(/^kst_/);
      expect(created.body.prefix).toBe(secret.slice(0, 10));

      const stored = await t.dataSource.getRepository(ApiToken).findOneByOrFail({ id: created.body.id });
      expect(stored.tokenHash).toBe(sha256(secret));
      expect(Object.values(stored).map(String)).not.toContain(secret);

      const listed = await api().get(`/api/v1/users/${trainee.id}/tokens`);
      expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, name: 'Sinhronizācija', revokedAt: null })]);
      expect(JSON.stringify(listed.body)).not.toContain(secret.slice(10));
      expect(JSON.stringify(listed.body)).not.toContain('tokenHash');

      const asTrainee = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`);
      expect(asTrainee.status).toBe(200);
      expect(asTrainee.body.email).toBe(trainee.email);
      // A bearer call is not a browser session: it is handed no session cookie.
      expect(asTrainee.headers['set-cookie']).toBeUndefined();
      expect((await t.http().get('/api/v1/users').set('Authorization', `Bearer ${secret}`)).status).toBe(403);

      expect((await api().delete(`/api/v1/users/${trainee.id}/tokens/${created.body.id}`)).status).toBe(204);
      expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`)).status).toBe(401);
      expect((await api().get(`/api/v1/users/${trainee.id}/tokens`)).body).toEqual([
        expect.objectContaining({ id: created.body.id, revokedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }),
      ]);
    });

    it('refuses a token for a user that does not exist, or without a name', async () => {
      expect((await api().post(`/api/v1/users/${randomUUID()}/tokens`, { name: 'X' })).status).toBe(404);
      const trainee = await createTrainee(t.dataSource);
      const res = await api().post(`/api/v1/users/${trainee.id}/tokens`, { name: '', scope: 'all' });
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['name', 'scope']);
    });

    it('answers 401 to an unknown or malformed bearer token', async () => {
      expect((await t.http().get('/api/v1/me').set('Authorization', 'Bearer kst_not-a-token')).status).toBe(401);
      expect((await t.http().get('/api/v1/me').set('Authorization', 'Bearer ')).status).toBe(401);
    });
  });

  describe('CSRF on API writes', () => {
    it('wants X-CSRF-Token from a session, and nothing from a bearer token', async () => {
      const session = await logIn(t.agent(), admin.email);
      const email = `csrf-${randomUUID().slice(0, 8)}@daugavpils.lv`;
      const body = { email, name: 'Māra Liepiņa', roles: ['trainee'] };

      const without = await session.post('/api/v1/users').send(body);
      expect(without.status).toBe(403);
      expect(without.body.code).toBe('FORBIDDEN');
      const forged = await session.post('/api/v1/users').set('X-CSRF-Token', 'forged').send(body);
      expect(forged.status).toBe(403);
      expect(await t.dataSource.getRepository(User).findOneBy({ email })).toBeNull();

      const withToken = await session
        .post('/api/v1/users')
        .set('X-CSRF-Token', await csrfToken(session, '/profile'))
        .send(body);
      expect(withToken.status).toBe(201);

      const bearerOnly = await api().post('/api/v1/users', { ...body, email: `b-${email}` });
      expect(bearerOnly.status).toBe(201);
    });
  });

  describe('the profile API', () => {
    it('finds the caller and their status in the one statement that reads their token or session', async () => {
      const invited = await createTrainee(t.dataSource, { password: null });
      const { secret } = await createApiToken(t.dataSource, invited);
      const byToken = () => t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`);
      const session = await logIn(t.agent(), admin.email);
      // The first call of a token also notes when it was used.
      expect((await byToken()).status).toBe(200);

      const statements = jest.spyOn(Client.prototype, 'query');
      try {
        const asInvited = await byToken();
        expect(asInvited.body).toMatchObject({ id: invited.id, status: 'invited' });
        expect(statements).toHaveBeenCalledTimes(1);
        statements.mockClear();
        const asAdmin = await session.get('/api/v1/me');
        expect(asAdmin.body).toMatchObject({ id: admin.id, status: 'active' });
        expect(statements).toHaveBeenCalledTimes(1);
      } finally {
        statements.mockRestore();
      }
    });

    it('shows and changes the caller’s own profile', async () => {
      const trainee = await createTrainee(t.dataSource, { name: 'Dace Ozola' });
      const { secret } = await createApiToken(t.dataSource, trainee);
      const me = () => t.http().get('/api/v1/me').set('Authorization', `Bearer ${secret}`);
      expect((await me()).body).toMatchObject({ id: trainee.id, name: 'Dace Ozola', notifyReminders: true });

      const res = await t
        .http()
        .patch('/api/v1/me')
        .set('Authorization', `Bearer ${secret}`)
        .send({ notifyReminders: false, language: 'en' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Dace Ozola', notifyReminders: false, notifyUpdates: true, language: 'en' });

      const bad = await t
        .http()
        .patch('/api/v1/me')
        .set('Authorization', `Bearer ${secret}`)
        .send({ notifyUpdates: 'maybe', roles: ['admin'] });
      expect(bad.status).toBe(400);
      expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['notifyUpdates', 'roles']);
      expect(bad.body.message).toMatch(/^Please correct these fields/);
      expect((await me()).body.roles).toEqual(['trainee']);
    });
  });
});
