import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createTrainee } from './support/factories';
import { csrfToken, logIn } from './support/http';

describe('importing users from CSV', () => {
  let t: TestApp;
  let admin: User;
  let agent: ReturnType<TestApp['agent']>;
  let bearer: string;

  beforeAll(async () => {
    t = await startWebApp();
    admin = await createAdmin(t.dataSource);
    agent = await logIn(t.agent(), admin.email);
    bearer = `Bearer ${(await createApiToken(t.dataSource, admin)).secret}`;
  });
  afterAll(() => t.close());

  const tag = () => randomUUID().slice(0, 8);
  const usersWith = (emails: string[]) => t.dataSource.getRepository(User).countBy({ email: In(emails) });
  const invitationsTo = (emails: string[]) =>
    t.dataSource.getRepository(OutboxMessage).countBy({ recipientEmail: In(emails), template: 'invitation' });
  const postImport = async (fields: Record<string, string>) =>
    agent
      .post(`/admin/users/import`)
      .field('_csrf', await csrfToken(agent, '/admin/users/import'))
      .field(fields);

  /** One good row and one of each kind of bad row. */
  async function badFile() {
    const id = tag();
    const existing = await createTrainee(t.dataSource);
    const emails = {
      good: `labs-${id}@daugavpils.lv`,
      dup: `divreiz-${id}@daugavpils.lv`,
      role: `loma-${id}@daugavpils.lv`,
      long: `garais-${id}@daugavpils.lv`,
    };
    const csv = [
      'name,email,roles,department,language',
      `Anna Bērziņa,${emails.good},trainee,Projektu nodaļa,lv`,
      `Bez E-pasta,nav-epasts,trainee,,`,
      `Vilis Lācis,${emails.role},wizard,,`,
      `Pirmais Dubults,${emails.dup},trainee,,`,
      `Otrais Dubults,${emails.dup.toUpperCase()},instructor,,`,
      `Esošais Lietotājs,${existing.email},trainee,,`,
      `${'Ā'.repeat(201)},${emails.long},trainee,,`,
    ].join('\n');
    return { csv, emails, existing };
  }

  it('refuses the whole file when any row is bad, and reports each row in Latvian', async () => {
    const { csv, emails } = await badFile();
    const res = await postImport({ csv });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Imports atcelts: 5 rindas ir kļūdainas. Neviens lietotājs netika izveidots.');
    const rows = [...res.text.matchAll(/<tr>\s*<td data-label="Rinda">(\d+)<\/td>([\s\S]*?)<\/tr>/g)].map(([, row, rest]) => ({
      row: Number(row),
      rest,
    }));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const text = (row: number) => rows.find((r) => r.row === row)!.rest;
    expect(text(2)).toContain('Būtu izveidots');
    expect(text(3)).toContain('E-pasts: Ievadiet derīgu e-pasta adresi');
    expect(text(4)).toContain('Lomas: Izvēlieties vienu no: trainee, instructor, admin.');
    expect(text(5)).toContain('Būtu izveidots');
    expect(text(6)).toContain('E-pasts: Šis e-pasts failā jau ir 5. rindā.');
    expect(text(7)).toContain('E-pasts: Lietotājs ar šādu e-pastu jau ir.');
    expect(text(8)).toContain('Vārds, uzvārds: Ne vairāk kā 200 rakstzīmes.');
    for (const row of [3, 4, 6, 7, 8]) expect(text(row)).toContain('Noraidīts');
    expect(res.text).toContain('name,email,roles,department,language');

    expect(await usersWith(Object.values(emails))).toBe(0);
    expect(await invitationsTo(Object.values(emails))).toBe(0);
  });

  it('answers the API with 422 and the per-row report, creating no one', async () => {
    const { csv, emails } = await badFile();
    const res = await t.http().post('/api/v1/users/import').set('Authorization', bearer).send({ csv });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'IMPORT_REFUSED', ok: false, total: 7, created: 0, refused: 5 });
    const codes = Object.fromEntries(
      (res.body.rows as { row: number; status: string; errors: { code: string }[] }[]).map((r) => [
        r.row,
        [r.status, ...r.errors.map((e) => e.code)],
      ]),
    );
    expect(codes).toEqual({
      2: ['ready'],
      3: ['refused', 'format.email'],
      4: ['refused', 'oneOf'],
      5: ['ready'],
      6: ['refused', 'duplicateInFile'],
      7: ['refused', 'emailTaken'],
      8: ['refused', 'tooBig.string'],
    });
    expect(await usersWith(Object.values(emails))).toBe(0);
  });

  it('creates everyone in a good file and queues one invitation per user', async () => {
    const id = tag();
    const emails = [`a-${id}@daugavpils.lv`, `b-${id}@daugavpils.lv`, `c-${id}@daugavpils.lv`];
    const csv =
      '\uFEFFName;Email;Roles;Department;Language\r\n' +
      `"Bērziņa; Anna";${emails[0]};trainee;Projektu nodaļa;lv\r\n` +
      `Jānis Kalniņš;${emails[1].toUpperCase()};instructor|trainee;"Attīstības departaments";EN\r\n` +
      `\r\n` +
      `Ilze Ozola;${emails[2]};instructor admin;;\r\n`;
    const res = await postImport({ csv });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/users?status=invited');
    expect((await agent.get(res.headers.location)).text).toContain('Importēti 3 lietotāji; katram nosūtīts ielūgums.');

    const users = await t.dataSource.getRepository(User).find({ where: { email: In(emails) }, order: { email: 'ASC' } });
    expect(users.map((u) => [u.name, u.roles, u.department, u.language])).toEqual([
      ['Bērziņa; Anna', ['trainee'], 'Projektu nodaļa', 'lv'],
      ['Jānis Kalniņš', ['instructor', 'trainee'], 'Attīstības departaments', 'en'],
      ['Ilze Ozola', ['instructor', 'admin'], null, 'lv'],
    ]);
    const invitations = await t.dataSource.getRepository(OutboxMessage).findBy({ recipientEmail: In(emails), template: 'invitation' });
    expect(invitations.map((m) => m.recipientEmail).sort()).toEqual(emails);
    expect(invitations.find((m) => m.recipientEmail === emails[1])!.language).toBe('en');
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'user.created', entityId: In(users.map((u) => u.id)) })).toBe(3);
  });

  it('takes an uploaded file, through the page and the API', async () => {
    const id = tag();
    const page = Buffer.from(`\uFEFFname,email,roles\nLīga Zariņa,lz-${id}@daugavpils.lv,trainee\n`, 'utf8');
    const token = await csrfToken(agent, '/admin/users/import');
    const res = await agent
      .post(`/admin/users/import`)
      .field('_csrf', token)
      .attach('file', page, { filename: 'lietotaji.csv', contentType: 'text/csv' });
    expect(res.status).toBe(303);
    expect(await invitationsTo([`lz-${id}@daugavpils.lv`])).toBe(1);

    const api = Buffer.from(`name;email;roles\nRūta Bērziņa;rb-${id}@daugavpils.lv;trainee\n`, 'utf8');
    const viaApi = await t.http().post('/api/v1/users/import').set('Authorization', bearer).attach('file', api, 'lietotaji.csv');
    expect(viaApi.status).toBe(201);
    expect(viaApi.body).toMatchObject({ ok: true, total: 1, created: 1, refused: 0, rows: [{ row: 2, status: 'created', errors: [] }] });
  });

  it('names the problem of a file it cannot read at all', async () => {
    const missing = await postImport({ csv: 'name,department\nAnna,Nodaļa\n' });
    expect(missing.status).toBe(422);
    expect(missing.text).toMatch(/id="error-csv"[^>]*>.*Trūkst kolonnu: email, roles\./s);

    const latin1 = Buffer.from('name,email,roles\nB\xe7rzi\xf1a,x@daugavpils.lv,trainee\n', 'latin1');
    const token = await csrfToken(agent, '/admin/users/import');
    const encoding = await agent.post(`/admin/users/import`).field('_csrf', token).attach('file', latin1, 'vecs.csv');
    expect(encoding.status).toBe(422);
    expect(encoding.text).toMatch(/id="error-file"[^>]*>.*tam jābūt UTF-8 kodējumā/s);

    const nothing = await postImport({ csv: '' });
    expect(nothing.status).toBe(422);
    expect(nothing.text).toContain('Izvēlieties CSV failu vai ielīmējiet tā saturu.');

    const api = await t.http().post('/api/v1/users/import').set('Authorization', bearer).send({ csv: 'email\nx@y.lv', extra: 1 });
    expect(api.status).toBe(400);
    expect(api.body.errors).toEqual([expect.objectContaining({ field: 'extra', code: 'unknownField' })]);
  });

  it('refuses a file over 1 MB', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 'a');
    const res = await t.http().post('/api/v1/users/import').set('Authorization', bearer).attach('file', big, 'liels.csv');
    expect(res.status).toBe(413);
  });

  it('offers a template that spreadsheet programs open with Latvian letters intact', async () => {
    const res = await agent
      .get('/admin/users/import/template.csv')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8').slice(1)).toMatch(/^name;email;roles;department;language\r\nAnna Bērziņa;/);
  });
});
