import { Programme } from '../src/programmes/programme.entity';
import { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createTrainee } from './support/factories';
import { logIn, postForm } from './support/http';

const NUL = '\u0000';

describe('control characters in text fields and searches', () => {
  let t: TestApp;
  let admin: User;
  let bearer: string;
  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource, { language: 'en' });
    bearer = `Bearer ${(await createApiToken(t.dataSource, admin)).secret}`;
  });
  afterAll(() => t.close());

  const api = (method: 'get' | 'post' | 'patch' | 'put', path: string) => t.http()[method](path).set('Authorization', bearer);
  const nameOf = async (user: User) => (await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).name;

  it('refuses a NUL in a name through the API with a 400 naming the field', async () => {
    const res = await api('patch', '/api/v1/me').send({ name: `x${NUL}y` });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual([
      { field: 'name', code: 'text.controlCharacter', message: 'Must not contain control characters (such as NUL).' },
    ]);
    expect(await nameOf(admin)).toBe(admin.name);
  });

  it('refuses a line break in a name but keeps one in a description', async () => {
    const name = await api('patch', '/api/v1/me').send({ name: 'Anna\nBērziņa' });
    expect(name.status).toBe(400);
    expect(name.body.errors).toEqual([{ field: 'name', code: 'text.lineBreak', message: 'Must be on one line, without line breaks.' }]);

    const programme = { ...programmeBody(), titleLv: 'Rindu programma', descriptionLv: 'Pirmā rinda.\nOtrā rinda.\tAr tabulāciju.' };
    const created = await api('post', '/api/v1/programmes').send(programme);
    expect(created.status).toBe(201);
    const saved = await t.dataSource.getRepository(Programme).findOneByOrFail({ id: created.body.id });
    expect(saved.descriptionLv).toBe('Pirmā rinda.\nOtrā rinda.\tAr tabulāciju.');
  });

  it("answers a NUL in a search with a 400 page in the reader's language, not a 500", async () => {
    const lv = await logIn(t.agent(), (await createAdmin(t.dataSource)).email);
    const page = await lv.get('/admin/users?q=%00');
    expect(page.status).toBe(400);
    expect(page.text).toContain('Nedrīkst saturēt vadības rakstzīmes (piemēram, NUL).');
    const en = await logIn(t.agent(), admin.email);
    expect((await en.get('/admin/users?q=%00')).text).toContain('Must not contain control characters (such as NUL).');
  });

  it.each([
    ['GET', '/api/v1/users?q=%00', 'q'],
    ['GET', '/api/v1/outbox?q=a%00b', 'q'],
    ['GET', '/api/v1/audit?actor=%00', 'actor'],
    ['GET', '/api/v1/audit?entityType=user%0Dx', 'entityType'],
    ['GET', '/api/v1/materials/%00', 'id'],
    ['GET', '/api/v1/users?q[nested]=%00', 'q.nested'],
    ['POST', '/api/v1/programmes', 'titleLv'],
    ['POST', '/api/v1/users', 'name'],
  ])('%s %s answers 400 naming %s', async (method, path, field) => {
    const body =
      path === '/api/v1/programmes'
        ? { ...programmeBody(), titleLv: `Nul${NUL}` }
        : { email: `nul-${Date.now()}@example.lv`, name: `A${NUL}`, roles: ['trainee'], language: 'lv' };
    const res = method === 'GET' ? await api('get', path) : await api('post', path).send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('shows a NUL in a form field next to the field and saves nothing', async () => {
    const trainee = await createTrainee(t.dataSource, { name: 'Jānis Liepa' });
    const agent = await logIn(t.agent(), trainee.email);
    const res = await postForm(agent, '/profile', { name: `Jānis${NUL}Liepa`, language: 'lv' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="error-name"[^>]*>.*Nedrīkst saturēt vadības rakstzīmes \(piemēram, NUL\)\./s);
    expect(await nameOf(trainee)).toBe('Jānis Liepa');
  });

  it('answers a login link whose return address holds a control character with 400, not a broken redirect', async () => {
    expect((await t.http().get('/login?next=/%00')).status).toBe(400);
  });
});

function programmeBody() {
  return {
    titleLv: 'Programma',
    status: 'active',
    projectTitle: 'Projekts',
    agreementNumber: '1DP/1',
    funder: 'Eiropas Sociālais fonds',
    cofinancingPercent: 100,
    partners: [],
    fundingStatement: 'Šī informācija ir veidota ar Eiropas Sociālā fonda atbalstu.',
    reminderOffsetsHours: [24],
    studyVisitOffsetsHours: [72, 24],
  };
}
