import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { In } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { Material } from '../src/materials/material.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { docxBytes, pdfBytes, pngBytes, windowsExecutable, xlsxBytes } from './support/files';
import { csrfFrom, csrfToken, logIn } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';
import { filesIn, multipartBody, useTemporaryUploadDir } from './support/uploads';

const uploadDir = useTemporaryUploadDir();

describe('materials', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  async function buildWorld() {
    const ds = t.dataSource;
    const programme = await createProgramme(ds);
    const part1 = await createPart(ds, programme, { titleLv: 'Projektu vadība' });
    const part2 = await createPart(ds, programme, { titleLv: 'Projektu vadības specifika' });
    const instructorA = await createInstructor(ds, { name: 'Pasniedzēja Anna' });
    const instructorB = await createInstructor(ds);
    const instructorC = await createInstructor(ds);
    const cohortA = await createCohort(ds, part1, { name: 'Rudens grupa', instructors: [instructorA] });
    const cohortB = await createCohort(ds, part1, { instructors: [instructorB] });
    const cohortC = await createCohort(ds, part2, { instructors: [instructorC] });
    const traineeA = await createTrainee(ds);
    const traineeB = await createTrainee(ds);
    const traineeC = await createTrainee(ds);
    const outsider = await createTrainee(ds);
    const withdrawn = await createTrainee(ds);
    const waiting = await createTrainee(ds);
    await enrol(ds, cohortA, traineeA);
    await enrol(ds, cohortB, traineeB);
    await enrol(ds, cohortC, traineeC);
    await enrol(ds, cohortA, withdrawn, 'withdrawn');
    await enrol(ds, cohortA, waiting, 'waitlisted');
    const admin = await createAdmin(ds);
    return {
      programme,
      part1,
      part2,
      cohortA,
      cohortB,
      cohortC,
      instructorA,
      instructorB,
      instructorC,
      traineeA,
      traineeB,
      traineeC,
      outsider,
      withdrawn,
      waiting,
      admin,
    };
  }

  const tokens = new Map<string, string>();
  async function bearer(user: User): Promise<string> {
    if (!tokens.has(user.id)) tokens.set(user.id, `Bearer ${(await createApiToken(t.dataSource, user)).secret}`);
    return tokens.get(user.id)!;
  }

  async function apiUpload(user: User, path: string, file: { name: string; content: Buffer }, title = 'Materiāls') {
    return t
      .http()
      .post(path)
      .set('Authorization', await bearer(user))
      .field('title', title)
      .attach('file', file.content, file.name);
  }

  async function apiGet(user: User, path: string) {
    return t
      .http()
      .get(path)
      .set('Authorization', await bearer(user));
  }

  const materials = () => t.dataSource.getRepository(Material);

  beforeAll(async () => {
    t = await startWebApp();
    world = await buildWorld();
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('takes the token of an upload form from its first field, so it never shows in the address, and refuses it anywhere else', async () => {
    const { cohortA, instructorA } = world;
    const agent = t.agent();
    await logIn(agent, instructorA.email);
    const path = `/cohorts/${cohortA.id}/materials`;
    const page = await agent.get(path);
    expect(page.text).not.toContain('_csrf=');
    const token = csrfFrom(page.text);
    expect(page.text).toMatch(/enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf"/);

    const title = `Tokens laukā ${Math.random().toString(36).slice(2, 8)}`;
    const ok = await agent.post(path).field('_csrf', token).field('title', title).attach('file', pdfBytes(), 'Lekcija.pdf');
    expect(ok.status).toBe(303);
    expect(await materials().countBy({ cohortId: cohortA.id, title })).toBe(1);
    // A refused file is explained at the form's own address, with nothing about the token.
    const refused = await agent.post(path).field('_csrf', token).field('title', title).attach('file', pngBytes(), 'Attēls.pdf');
    expect(refused.status).toBe(415);
    expect(refused.text).toContain(`value="${title}"`);

    const late = await agent.post(path).field('title', 'Vēlu').field('_csrf', token).attach('file', pdfBytes(), 'Vēlu.pdf');
    const wrong = await agent
      .post(path)
      .field('_csrf', `${token.slice(1)}x`)
      .field('title', 'Nepareizi')
      .attach('file', pdfBytes(), 'Nepareizi.pdf');
    const none = await agent.post(path).field('title', 'Bez').attach('file', pdfBytes(), 'Bez.pdf');
    // An address is logged, kept in the history and sent on as a Referer: a token there is not taken.
    const inAddress = await agent
      .post(`${path}?_csrf=${encodeURIComponent(token)}`)
      .field('title', 'Adresē')
      .attach('file', pdfBytes(), 'Adresē.pdf');
    expect([late.status, wrong.status, none.status, inAddress.status]).toEqual([403, 403, 403, 403]);
    expect(await materials().countBy({ cohortId: cohortA.id, title: In(['Vēlu', 'Nepareizi', 'Bez', 'Adresē']) })).toBe(0);
  });

  it('uploads through the page and downloads under the Latvian name it came with', async () => {
    const { cohortA, instructorA, traineeA } = world;
    const agent = t.agent();
    await logIn(agent, instructorA.email);
    const page = await agent.get(`/cohorts/${cohortA.id}/materials`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Mācību materiāli: Rudens grupa');
    expect(page.text).toContain('enctype="multipart/form-data"');
    const token = await csrfToken(agent, `/cohorts/${cohortA.id}/materials`);

    const content = pdfBytes();
    const res = await agent
      .post(`/cohorts/${cohortA.id}/materials`)
      .field('_csrf', token)
      .field('title', 'Ievadlekcija')
      .attach('file', content, 'Mācību materiāls — ievads.pdf');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/cohorts/${cohortA.id}/materials`);

    const material = await materials().findOneByOrFail({ cohortId: cohortA.id, title: 'Ievadlekcija' });
    expect(material).toMatchObject({
      fileName: 'Mācību materiāls — ievads.pdf',
      mimeType: 'application/pdf',
      size: String(content.length),
      uploadedById: instructorA.id,
    });
    expect(filesIn(uploadDir)).toContain(material.storageKey);
    expect(
      await t.dataSource.getRepository(AuditEvent).countBy({ action: 'material.uploaded', entityId: material.id, actorId: instructorA.id }),
    ).toBe(1);
    expect((await agent.get(`/cohorts/${cohortA.id}/materials`)).text).toContain('Materiāls pievienots.');

    const trainee = t.agent();
    await logIn(trainee, traineeA.email);
    const list = await trainee.get(`/cohorts/${cohortA.id}/materials`);
    expect(list.text).toContain('Ievadlekcija');
    expect(list.text).not.toContain('enctype="multipart/form-data"');
    const download = await trainee
      .get(`/materials/${material.id}/download`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Macibu materials — ievads.pdf"`.replace('—', '_') +
        `; filename*=UTF-8''M%C4%81c%C4%ABbu%20materi%C4%81ls%20%E2%80%94%20ievads.pdf`,
    );
  });

  it('lets the API upload to a part for all its cohorts and give back metadata', async () => {
    const { part1, instructorB, traineeA, traineeB } = world;
    const res = await apiUpload(
      instructorB,
      `/api/v1/parts/${part1.id}/materials`,
      { name: 'Grafiks.xlsx', content: await xlsxBytes() },
      'Nodarbību grafiks',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Nodarbību grafiks',
      fileName: 'Grafiks.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      partId: part1.id,
      cohortId: null,
      downloadUrl: `/api/v1/materials/${res.body.id}/download`,
    });
    for (const trainee of [traineeA, traineeB]) {
      expect((await apiGet(trainee, `/api/v1/materials/${res.body.id}`)).status).toBe(200);
      expect((await apiGet(trainee, `/api/v1/parts/${part1.id}/materials`)).body.items.map((m: { id: string }) => m.id)).toContain(
        res.body.id,
      );
      const download = await apiGet(trainee, `/api/v1/materials/${res.body.id}/download`);
      expect(download.status).toBe(200);
      expect(download.headers['content-disposition']).toBe(`attachment; filename="Grafiks.xlsx"; filename*=UTF-8''Grafiks.xlsx`);
    }
    const cohortList = await apiGet(traineeA, `/api/v1/cohorts/${world.cohortA.id}/materials`);
    expect(cohortList.body.items.map((m: { id: string }) => m.id)).toContain(res.body.id);
  });

  describe('who may see a material', () => {
    let cohortMaterial: Material;
    let partMaterial: Material;

    beforeAll(async () => {
      const a = await apiUpload(world.instructorA, `/api/v1/cohorts/${world.cohortA.id}/materials`, {
        name: 'A grupai.pdf',
        content: pdfBytes(),
      });
      const p = await apiUpload(world.admin, `/api/v1/parts/${world.part1.id}/materials`, {
        name: 'Daļai.docx',
        content: await docxBytes(),
      });
      expect([a.status, p.status]).toEqual([201, 201]);
      cohortMaterial = await materials().findOneByOrFail({ id: a.body.id });
      partMaterial = await materials().findOneByOrFail({ id: p.body.id });
    });

    it('shows a cohort material to its trainees, instructors and admins', async () => {
      for (const user of [world.traineeA, world.instructorA, world.admin]) {
        expect((await apiGet(user, `/api/v1/materials/${cohortMaterial.id}/download`)).status).toBe(200);
        const list = await apiGet(user, `/api/v1/cohorts/${world.cohortA.id}/materials`);
        expect(list.body.items.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([cohortMaterial.id, partMaterial.id]));
      }
    });

    it('hides it from everyone else as not found, by list and by id', async () => {
      const { traineeB, traineeC, outsider, withdrawn, waiting, instructorB, instructorC, cohortA } = world;
      for (const user of [traineeB, traineeC, outsider, withdrawn, waiting, instructorB, instructorC]) {
        expect((await apiGet(user, `/api/v1/materials/${cohortMaterial.id}`)).status).toBe(404);
        expect((await apiGet(user, `/api/v1/materials/${cohortMaterial.id}/download`)).status).toBe(404);
        expect((await apiGet(user, `/api/v1/cohorts/${cohortA.id}/materials`)).status).toBe(404);
      }
      const agent = t.agent();
      await logIn(agent, withdrawn.email);
      expect((await agent.get(`/materials/${cohortMaterial.id}/download`)).status).toBe(404);
      expect((await agent.get(`/cohorts/${cohortA.id}/materials`)).status).toBe(404);
    });

    it("shows a part's material to every cohort of the part and to no other", async () => {
      for (const user of [world.traineeA, world.traineeB, world.instructorB]) {
        expect((await apiGet(user, `/api/v1/materials/${partMaterial.id}/download`)).status).toBe(200);
      }
      for (const user of [world.traineeC, world.instructorC, world.outsider, world.withdrawn]) {
        expect((await apiGet(user, `/api/v1/materials/${partMaterial.id}/download`)).status).toBe(404);
        expect((await apiGet(user, `/api/v1/parts/${world.part1.id}/materials`)).status).toBe(404);
      }
      const agent = t.agent();
      await logIn(agent, world.traineeC.email);
      expect((await agent.get(`/parts/${world.part1.id}/materials`)).status).toBe(404);
    });

    it('answers a malformed or unknown id as not found', async () => {
      expect((await apiGet(world.admin, '/api/v1/materials/not-a-uuid')).status).toBe(404);
      expect((await apiGet(world.admin, '/api/v1/materials/00000000-0000-4000-8000-000000000000/download')).status).toBe(404);
      expect((await apiGet(world.admin, '/api/v1/cohorts/00000000-0000-4000-8000-000000000000/materials')).status).toBe(404);
    });

    it('requires signing in', async () => {
      expect((await t.http().get(`/api/v1/materials/${cohortMaterial.id}/download`)).status).toBe(401);
      const page = await t.http().get(`/materials/${cohortMaterial.id}/download`);
      expect(page.status).toBe(303);
    });
  });

  describe('who may upload and delete', () => {
    it('refuses an instructor of another cohort as not found, and a trainee as forbidden', async () => {
      const { cohortA, part1, instructorB, instructorC, traineeA } = world;
      // A name of its own, so files of other tests and earlier runs do not count.
      const file = { name: `Svešs ${randomUUID()}.pdf`, content: pdfBytes() };
      expect((await apiUpload(instructorB, `/api/v1/cohorts/${cohortA.id}/materials`, file)).status).toBe(404);
      expect((await apiUpload(instructorC, `/api/v1/cohorts/${cohortA.id}/materials`, file)).status).toBe(404);
      expect((await apiUpload(instructorC, `/api/v1/parts/${part1.id}/materials`, file)).status).toBe(404);
      expect((await apiUpload(traineeA, `/api/v1/cohorts/${cohortA.id}/materials`, file)).status).toBe(403);
      expect((await apiUpload(traineeA, `/api/v1/parts/${part1.id}/materials`, file)).status).toBe(403);
      expect(await materials().countBy({ fileName: file.name })).toBe(0);
    });

    it('answers an upload form posted by an outsider with a bare not-found page', async () => {
      const agent = t.agent();
      await logIn(agent, world.instructorC.email);
      const token = await csrfToken(agent, '/');
      const res = await agent
        .post(`/cohorts/${world.cohortA.id}/materials`)
        .field('_csrf', token)
        .field('title', 'Svešs')
        .attach('file', pdfBytes(), 'Svešs.pdf');
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Rudens grupa');
      expect(await materials().countBy({ title: 'Svešs' })).toBe(0);
    });

    it("lets an instructor of any of the part's cohorts upload on the part's page", async () => {
      const agent = t.agent();
      await logIn(agent, world.instructorB.email);
      const path = `/parts/${world.part1.id}/materials`;
      const page = await agent.get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Mācību materiāli: Projektu vadība');
      expect(page.text).toContain('Materiāls būs redzams visām šīs kursa daļas grupām.');
      const token = await csrfToken(agent, path);
      const res = await agent
        .post(path)
        .field('_csrf', token)
        .field('title', 'Kopīgs')
        .attach('file', await docxBytes(), 'Kopīgs.docx');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(path);
      expect(await materials().findOneBy({ title: 'Kopīgs', partId: world.part1.id })).toMatchObject({
        uploadedById: world.instructorB.id,
        cohortId: null,
      });
    });

    it('lets a fellow instructor delete, removing the file, and nobody else', async () => {
      const { cohortA, instructorA, instructorB, traineeA } = world;
      const colleague = await createInstructor(t.dataSource);
      await t.dataSource.query('INSERT INTO cohort_instructors (cohort_id, user_id) VALUES ($1, $2)', [cohortA.id, colleague.id]);
      const res = await apiUpload(instructorA, `/api/v1/cohorts/${cohortA.id}/materials`, { name: 'Dzēšamais.pdf', content: pdfBytes() });
      const material = await materials().findOneByOrFail({ id: res.body.id });

      const asTrainee = await t
        .http()
        .delete(`/api/v1/materials/${material.id}`)
        .set('Authorization', await bearer(traineeA));
      expect(asTrainee.status).toBe(403);
      const asStranger = await t
        .http()
        .delete(`/api/v1/materials/${material.id}`)
        .set('Authorization', await bearer(instructorB));
      expect(asStranger.status).toBe(404);
      expect(filesIn(uploadDir)).toContain(material.storageKey);

      const agent = t.agent();
      await logIn(agent, colleague.email);
      const token = await csrfToken(agent, `/cohorts/${cohortA.id}/materials`);
      const deleted = await agent.post(`/materials/${material.id}/delete`).type('form').send({ _csrf: token, confirm: 'yes' });
      expect(deleted.status).toBe(303);
      expect(await materials().findOneBy({ id: material.id })).toBeNull();
      expect(filesIn(uploadDir)).not.toContain(material.storageKey);
      expect(await t.dataSource.getRepository(AuditEvent).findOneBy({ action: 'material.deleted', entityId: material.id })).toMatchObject({
        actorId: colleague.id,
        before: expect.objectContaining({ fileName: 'Dzēšamais.pdf' }),
      });
      expect((await apiGet(traineeA, `/api/v1/materials/${material.id}`)).status).toBe(404);
    });
  });

  describe('content checks', () => {
    const target = () => `/api/v1/cohorts/${world.cohortA.id}/materials`;

    async function expectRefused(file: { name: string; content: Buffer }, status: number, code: string) {
      const before = filesIn(uploadDir).length;
      const count = await materials().count();
      const res = await apiUpload(world.instructorA, target(), file);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(filesIn(uploadDir)).toHaveLength(before);
      expect(await materials().count()).toBe(count);
      return res;
    }

    it('refuses a PNG named .pdf, naming the file', async () => {
      const res = await expectRefused({ name: 'Lekcija.pdf', content: pngBytes() }, 415, 'FILE_CONTENT_MISMATCH');
      expect(res.body.message).toBe('Faila „Lekcija.pdf” saturs neatbilst tā paplašinājumam: tas ir PNG fails, nevis PDF.');
    });

    it('refuses a program renamed to a document', async () => {
      const res = await expectRefused({ name: 'Atskaite.docx', content: windowsExecutable() }, 415, 'FILE_EXECUTABLE');
      expect(res.body.message).toContain('„Atskaite.docx”');
    });

    it('refuses a spreadsheet posing as a Word document after looking inside it', async () => {
      await expectRefused({ name: 'Atskaite.docx', content: await xlsxBytes() }, 415, 'FILE_CONTENT_MISMATCH');
    });

    it('refuses an empty file and a type outside the list', async () => {
      const empty = await expectRefused({ name: 'tukšs.pdf', content: Buffer.alloc(0) }, 422, 'FILE_EMPTY');
      expect(empty.body.message).toBe('Fails „tukšs.pdf” ir tukšs.');
      await expectRefused({ name: 'programma.exe', content: windowsExecutable() }, 415, 'FILE_TYPE_NOT_ALLOWED');
    });

    it('keeps no file when the form is otherwise invalid', async () => {
      const before = filesIn(uploadDir).length;
      const res = await apiUpload(world.instructorA, target(), { name: 'Bez nosaukuma.pdf', content: pdfBytes() }, '   ');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'title', code: 'tooSmall.string' })]);
      expect(filesIn(uploadDir)).toHaveLength(before);
      const noFile = await t
        .http()
        .post(target())
        .set('Authorization', await bearer(world.instructorA))
        .field('title', 'Bez faila');
      expect(noFile.status).toBe(400);
      expect(noFile.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'required' })]);
    });

    it('shows the refusal on the form again, in Latvian, keeping the title', async () => {
      const agent = t.agent();
      await logIn(agent, world.instructorA.email);
      const token = await csrfToken(agent, `/cohorts/${world.cohortA.id}/materials`);
      const res = await agent
        .post(`/cohorts/${world.cohortA.id}/materials`)
        .field('_csrf', token)
        .field('title', 'Mans attēls')
        .attach('file', pngBytes(), 'Attēls.pdf');
      expect(res.status).toBe(415);
      expect(res.text).toContain('Faila „Attēls.pdf” saturs neatbilst tā paplašinājumam');
      expect(res.text).toContain('value="Mans attēls"');
      expect(res.text).toContain('Mācību materiāli: Rudens grupa');
    });

    it('refuses a multipart upload without the CSRF token', async () => {
      const agent = t.agent();
      await logIn(agent, world.instructorA.email);
      const res = await agent.post(`/cohorts/${world.cohortA.id}/materials`).field('title', 'x').attach('file', pdfBytes(), 'x.pdf');
      expect(res.status).toBe(403);
    });

    // As a browser sends it (raw UTF-8) and as some HTTP libraries do (RFC 5987 `filename*`).
    it.each(['raw', 'extended'] as const)(
      'stores a name with folders and control characters only in its cleaned form (%s)',
      async (nameEncoding) => {
        const { body, contentType } = multipartBody(
          { title: 'Ceļš' },
          { field: 'file', filename: '..\\..\\etc\\\u0007Rēķins\u202E\u0000\tNr 1.pdf', nameEncoding, content: pdfBytes() },
        );
        const res = await t
          .http()
          .post(target())
          .set('Authorization', await bearer(world.instructorA))
          .set('Content-Type', contentType)
          .send(body);
        expect(res.status).toBe(201);
        expect(res.body.fileName).toBe('Rēķins Nr 1.pdf');
        const material = await materials().findOneByOrFail({ id: res.body.id });
        expect(material.storageKey).toMatch(/^material-[0-9a-f]{32}$/);
        expect(filesIn(uploadDir)).toContain(material.storageKey);
        expect(filesIn(uploadDir).some((name) => name.includes('Rēķins') || name.includes('passwd'))).toBe(false);
      },
    );
  });

  it('documents the API in OpenAPI', async () => {
    const doc = await t.http().get('/api/docs-json');
    const upload = doc.body.paths['/api/v1/cohorts/{cohortId}/materials'].post;
    expect(upload.tags).toContain('materials');
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    expect(doc.body.paths['/api/v1/materials/{id}/download'].get.tags).toContain('materials');
    expect(doc.body.paths['/api/v1/materials/{id}'].delete.tags).toContain('materials');
  });
});
