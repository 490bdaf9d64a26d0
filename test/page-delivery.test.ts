import { rmSync } from 'node:fs';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createInstructor } from './support/factories';
import { pdfBytes } from './support/files';
import { logIn } from './support/http';
import { createCohort, createPart, createProgramme } from './support/schedule-factories';
import { useTemporaryUploadDir } from './support/uploads';

const uploadDir = useTemporaryUploadDir();

describe('how pages and files are delivered', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('compresses pages, JSON and style sheets for a client that accepts gzip, and only then', async () => {
    for (const path of ['/login', '/api/docs-json', '/assets/css/app.css']) {
      const zipped = await t.http().get(path).set('Accept-Encoding', 'gzip');
      expect([path, zipped.status, zipped.headers['content-encoding']]).toEqual([path, 200, 'gzip']);
      expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
      const plain = await t.http().get(path).set('Accept-Encoding', 'identity');
      expect([path, plain.headers['content-encoding']]).toEqual([path, undefined]);
      const withoutTokens = (text: string) => text.replace(/name="_csrf" value="[^"]*"/g, '');
      expect(withoutTokens(plain.text)).toBe(withoutTokens(zipped.text));
    }
  });

  it('sends a stored file byte for byte with its length, uncompressed', async () => {
    const instructor = await createInstructor(t.dataSource);
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      instructors: [instructor],
    });
    const bearer = `Bearer ${(await createApiToken(t.dataSource, instructor)).secret}`;
    const content = Buffer.concat([pdfBytes(), Buffer.alloc(4096, 0x20)]);
    const upload = await t
      .http()
      .post(`/api/v1/cohorts/${cohort.id}/materials`)
      .set('Authorization', bearer)
      .field('title', 'Lekcija')
      .attach('file', content, 'lekcija.pdf');
    expect(upload.status).toBe(201);

    const res = await t
      .http()
      .get(`/api/v1/materials/${upload.body.id}/download`)
      .set('Authorization', bearer)
      .set('Accept-Encoding', 'gzip, br')
      .buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-length']).toBe(String(content.length));
    expect(res.headers['cache-control']).toContain('no-transform');
  });

  it("describes the platform to search engines in the reader's language", async () => {
    const lv = await t.http().get('/login');
    expect(lv.text).toMatch(/<meta name="description" content="Kursors — pašvaldības darbinieku mācības: [^"]+">/);
    const en = await t.http().get('/login').set('Cookie', 'kursors.lang=en');
    expect(en.text).toMatch(/<meta name="description" content="Kursors — staff training of the city council: [^"]+">/);
  });

  it('starts every required select with an empty choice, keeping the chosen value selected', async () => {
    const agent = t.agent();
    await logIn(agent, (await createAdmin(t.dataSource)).email);
    const form = (await agent.get('/admin/users/new')).text;
    const select = /<select id="field-language"[^>]*required[^>]*>([\s\S]*?)<\/select>/.exec(form)?.[1] ?? '';
    expect(select.trim()).toMatch(/^<option value="">— izvēlieties —<\/option>/);
    expect(select).toContain('<option value="lv" selected>');
  });
});
