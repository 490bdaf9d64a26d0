import type { INestApplicationContext } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Test } from 'supertest';
import { Certificate } from '../src/certificates/certificate.entity';
import { CertificateTemplate } from '../src/certificates/certificate-template.entity';
import { CertificatesService } from '../src/certificates/certificates.service';
import { newVerificationCode } from '../src/certificates/verification-code';
import { Clock } from '../src/common/clock';
import { ReportExport } from '../src/reports/report-export.entity';
import { StorageService } from '../src/storage/storage.service';
import type { User } from '../src/users/user.entity';
import { startWebApp, startWorker, TestApp } from './support/app';
import { completedCohort, type CompletedWorld } from './support/certificate-factories';
import { eventually } from './support/eventually';
import { actorOf, createAdmin, createApiToken, createInstructor } from './support/factories';
import { logIn } from './support/http';
import { bytes, csvRows, rowValues, xlsxSheet } from './support/report-files';
import { useTemporaryUploadDir } from './support/uploads';
import { saveBody, zipEntry, zipNames, zipTest } from './support/zip-files';

useTemporaryUploadDir();

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const fileSerial = (serial: string) => serial.replace('/', '-');

describe('the certificate register and a cohort’s ZIP', () => {
  let t: TestApp;
  let admin: User;
  let instructor: User;
  let adminAgent: ReturnType<TestApp['agent']>;
  let adminSecret: string;
  let adminApi: (path: string) => Test;
  let world: CompletedWorld;
  /** By serial number: 1 valid, 2 revoked, 3 replaced by 5, 4 valid, 5 valid (the reissue), 6 the programme's. */
  let issued: Certificate[];

  beforeAll(async () => {
    t = await startWebApp();
    // Issued on 20 June 2012, Riga time.
    t.app.get(Clock).set(new Date('2012-06-20T09:00:00Z'));
    admin = await createAdmin(t.dataSource);
    instructor = await createInstructor(t.dataSource);
    adminAgent = await logIn(t.agent(), admin.email);
    adminSecret = (await createApiToken(t.dataSource, admin)).secret;
    adminApi = (path) => t.http().get(path).set('Authorization', `Bearer ${adminSecret}`);

    world = await completedCohort(t.dataSource, 4, {
      names: ['Līga Āboliņa', 'Kārlis Čakste', 'Girts Zurins', '=HYPERLINK("http://kursors.test/x")'],
      instructors: [instructor],
    });
    const service = t.app.get(CertificatesService);
    const as = actorOf(admin);
    const issue = async (i: number) => (await service.issue(as, { enrolmentId: world.enrolments[i].id })).certificate;
    const first = [await issue(0), await issue(1), await issue(2), await issue(3)];
    await service.revoke(as, first[1].id, { reason: 'issued_in_error', note: 'Izsniegta nepareizajai personai.' });
    const reissued = await service.reissue(as, first[2].id, { holderName: 'Ģirts Žūriņš-Ķēniņš', note: 'Labots vārds.' });
    const whole = (await service.issue(as, { programmeId: world.programme.id, userId: world.trainees[0].id })).certificate;
    issued = await t.dataSource
      .getRepository(Certificate)
      .find({ where: [first, reissued, whole].flat().map(({ id }) => ({ id })), order: { serial: 'ASC' } });
  });
  afterAll(() => t.close());

  describe('the ZIP', () => {
    it('streams the valid certificates of the cohort, each named by serial and holder and byte for byte as stored', async () => {
      const zip = await saveBody(adminAgent.get(`/cohorts/${world.cohort.id}/certificates.zip`));
      expect(zip.status).toBe(200);
      expect(zip.headers['content-type']).toBe('application/zip');
      expect(zip.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(`Apliecības - ${world.cohort.name}.zip`)}`,
      );
      zipTest(zip.path);
      const [one, , , four, five] = issued;
      expect(zipNames(zip.path)).toEqual([
        `${fileSerial(one.serial)} - Līga Āboliņa.pdf`,
        `${fileSerial(four.serial)} - =HYPERLINK(http--kursors.test-x).pdf`,
        `${fileSerial(five.serial)} - Ģirts Žūriņš-Ķēniņš.pdf`,
      ]);
      expect(sha256(zipEntry(zip.path, `${fileSerial(one.serial)} - Līga Āboliņa.pdf`))).toBe(one.sha256);
      expect(sha256(zipEntry(zip.path, `${fileSerial(five.serial)} - Ģirts Žūriņš-Ķēniņš.pdf`))).toBe(five.sha256);
      expect(
        zipEntry(zip.path, `${fileSerial(five.serial)} - Ģirts Žūriņš-Ķēniņš.pdf`)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    });

    it('adds the revoked and replaced ones with include=all, their status after the name; the API gives the same', async () => {
      const zip = await saveBody(adminApi(`/api/v1/cohorts/${world.cohort.id}/certificates.zip?include=all`));
      expect(zip.status).toBe(200);
      const names = zipNames(zip.path);
      const [one, two, three, four, five] = issued;
      expect(names).toEqual([
        `${fileSerial(one.serial)} - Līga Āboliņa.pdf`,
        `${fileSerial(two.serial)} - Kārlis Čakste (atsaukta).pdf`,
        `${fileSerial(three.serial)} - Girts Zurins (aizstāta).pdf`,
        `${fileSerial(four.serial)} - =HYPERLINK(http--kursors.test-x).pdf`,
        `${fileSerial(five.serial)} - Ģirts Žūriņš-Ķēniņš.pdf`,
      ]);
      const certificates = [one, two, three, four, five];
      names.forEach((name, i) => expect([name, sha256(zipEntry(zip.path, name))]).toEqual([name, certificates[i].sha256]));

      const bad = await adminApi(`/api/v1/cohorts/${world.cohort.id}/certificates.zip?include=some`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('include');
    });

    it('refuses the cohort’s instructor and its trainees, and does not know a cohort that is not there', async () => {
      const teacher = await logIn(t.agent(), instructor.email);
      expect((await teacher.get(`/cohorts/${world.cohort.id}/certificates.zip`)).status).toBe(403);
      const { secret } = await createApiToken(t.dataSource, instructor);
      const api = await t.http().get(`/api/v1/cohorts/${world.cohort.id}/certificates.zip`).set('Authorization', `Bearer ${secret}`);
      expect(api.status).toBe(403);
      const holder = await logIn(t.agent(), world.trainees[0].email);
      expect((await holder.get(`/cohorts/${world.cohort.id}/certificates.zip`)).status).toBe(403);
      expect((await adminAgent.get(`/cohorts/${randomUUID()}/certificates.zip`)).status).toBe(404);
    });
  });

  describe('the register', () => {
    it('downloads a cohort’s as CSV: a BOM, Latvian letters, every certificate in serial order, no formula cell', async () => {
      const res = await bytes(adminAgent.get(`/cohorts/${world.cohort.id}/certificates/register/export?format=csv`));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const [header, ...rows] = csvRows(res.body as Buffer);
      expect(header).toEqual([
        'Sērijas numurs',
        'Turētājs',
        'Programma',
        'Daļa',
        'Grupa',
        'Akadēmiskās stundas',
        'Izsniegta',
        'Statuss',
        'Atsaukta',
        'Atsaukšanas iemesls',
        'Aizstāta ar',
        'PDF SHA-256',
      ]);
      const [one, two, three, four, five] = issued;
      expect(rows.map((row) => row[0])).toEqual([one, two, three, four, five].map((c) => c.serial));
      expect(rows[0]).toEqual([
        one.serial,
        'Līga Āboliņa',
        'Daugavpils pašvaldības darbinieku kursu cikls',
        'Projektu vadības specifika dažāda veida projektos',
        world.cohort.name,
        '40',
        '2012-06-20',
        'Derīga',
        '',
        '',
        '',
        one.sha256,
      ]);
      expect(rows[1].slice(7, 11)).toEqual(['Atsaukta', '2012-06-20', 'Izsniegta kļūdas dēļ', '']);
      expect(rows[2].slice(7, 11)).toEqual(['Aizstāta', '', '', five.serial]);
      // The holder's name that a spreadsheet would run as a formula is text.
      expect(rows[3][1]).toBe(`'=HYPERLINK("http://kursors.test/x")`);
      expect(rows.flat().some((cell) => /^[=+@]/.test(cell))).toBe(false);
      expect(rows[4][1]).toBe('Ģirts Žūriņš-Ķēniņš');
    });

    it('downloads a programme’s as XLSX: part and programme certificates, hours as numbers, dates as dates', async () => {
      const res = await bytes(adminApi(`/api/v1/programmes/${world.programme.id}/certificates/register/export?format=xlsx`));
      expect(res.status).toBe(200);
      const sheet = await xlsxSheet(res.body as Buffer);
      expect(rowValues(sheet, 1)[0]).toBe('Sērijas numurs');
      expect(sheet.rowCount).toBe(7);
      const whole = rowValues(sheet, 7);
      expect(whole[0]).toBe(issued[5].serial);
      expect(whole[3]).toBe('Visa programma');
      expect(whole[4] ?? null).toBeNull();
      for (let row = 2; row <= 7; row++) {
        const values = rowValues(sheet, row);
        expect(typeof values[5]).toBe('number');
        expect(values[5]).toBe(40);
        expect(values[6]).toBeInstanceOf(Date);
        expect((values[6] as Date).toISOString()).toBe('2012-06-20T00:00:00.000Z');
      }
      expect(rowValues(sheet, 3)[8]).toBeInstanceOf(Date);
      expect(sheet.getCell('G2').numFmt).toBe('yyyy-mm-dd');
    });

    it('shows a page with the downloads, statuses, and links to each certificate for administrators', async () => {
      const page = await adminAgent.get(`/cohorts/${world.cohort.id}/certificates/register`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Apliecību reģistrs');
      expect(page.text).toContain(`href="/cohorts/${world.cohort.id}/certificates/register/export?format=csv"`);
      expect(page.text).toContain(`href="/cohorts/${world.cohort.id}/certificates/register/export?format=xlsx"`);
      expect(page.text).toContain(`href="/cohorts/${world.cohort.id}/certificates.zip"`);
      expect(page.text).toContain(`href="/cohorts/${world.cohort.id}/certificates.zip?include=all"`);
      expect(page.text).toContain(`<a href="/certificates/${issued[0].id}">${issued[0].serial}</a>`);
      expect(page.text).toContain('atsaukta 2012. gada 20. jūnijā: Izsniegta kļūdas dēļ');
      expect(page.text).toContain(`aizstāta ar ${issued[4].serial}`);
      expect(page.text).toContain('&#x3D;HYPERLINK(&quot;http://kursors.test/x&quot;)');

      const programme = await adminAgent.get(`/admin/programmes/${world.programme.id}/certificates/register?pageSize=4`);
      expect(programme.status).toBe(200);
      expect(programme.text).toContain(`<td data-label="Grupa">${world.cohort.name}</td>`);
      expect(programme.text).not.toContain(issued[5].serial);
      const next = await adminAgent.get(`/admin/programmes/${world.programme.id}/certificates/register?pageSize=4&page=2`);
      expect(next.text).toContain(issued[5].serial);
      expect(next.text).toContain('Visa programma');
      expect(next.text).not.toContain(`>${issued[0].serial}<`);

      const list = await adminAgent.get(`/cohorts/${world.cohort.id}/certificates`);
      expect(list.text).toContain(`href="/cohorts/${world.cohort.id}/certificates/register"`);
      expect(list.text).toContain(`href="/cohorts/${world.cohort.id}/certificates.zip"`);
    });

    it('lets the cohort’s instructor read the cohort’s (no links, no ZIP), but not the programme’s; trainees read neither', async () => {
      const teacher = await logIn(t.agent(), instructor.email);
      const page = await teacher.get(`/cohorts/${world.cohort.id}/certificates/register`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(issued[0].serial);
      expect(page.text).not.toContain(`href="/certificates/${issued[0].id}"`);
      expect(page.text).not.toContain('certificates.zip');
      expect((await teacher.get(`/cohorts/${world.cohort.id}/certificates/register/export?format=csv`)).status).toBe(200);
      expect((await teacher.get(`/admin/programmes/${world.programme.id}/certificates/register`)).status).toBe(403);

      const stranger = await logIn(t.agent(), (await createInstructor(t.dataSource)).email);
      expect((await stranger.get(`/cohorts/${world.cohort.id}/certificates/register`)).status).toBe(404);

      const holder = await logIn(t.agent(), world.trainees[0].email);
      expect((await holder.get(`/cohorts/${world.cohort.id}/certificates/register`)).status).toBe(403);
      expect((await holder.get(`/api/v1/cohorts/${world.cohort.id}/certificates/register/export?format=csv`)).status).toBe(403);
    });

    it('answers a page of the register in the API', async () => {
      const res = await adminApi(`/api/v1/programmes/${world.programme.id}/certificates/register?pageSize=2&page=2`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 6, page: 2, pageSize: 2 });
      expect(res.body.items).toEqual([
        expect.objectContaining({
          serial: issued[2].serial,
          status: 'replaced',
          replacedBySerial: issued[4].serial,
          cohortName: world.cohort.name,
        }),
        expect.objectContaining({ serial: issued[3].serial, status: 'valid', academicHours: 40, sha256: issued[3].sha256 }),
      ]);
      const revoked = await adminApi(`/api/v1/cohorts/${world.cohort.id}/certificates/register?pageSize=2`);
      expect(revoked.body.items[1]).toMatchObject({
        serial: issued[1].serial,
        status: 'revoked',
        revokedAt: '2012-06-20T09:00:00.000Z',
        revocationReason: 'issued_in_error',
        holderName: 'Kārlis Čakste',
      });
    });

    it('is made in the background when asked, and the file is the same register', async () => {
      let worker: INestApplicationContext | undefined;
      try {
        worker = await startWorker();
        const started = await t
          .http()
          .post('/api/v1/report-exports')
          .set('Authorization', `Bearer ${adminSecret}`)
          .send({ report: 'register', subjectId: world.programme.id, format: 'xlsx' });
        expect(started.status).toBe(201);
        const done = await eventually(async () => {
          const row = await t.dataSource.getRepository(ReportExport).findOneByOrFail({ id: started.body.id });
          return row.status === 'done' && row;
        });
        expect(done).toMatchObject({ rowsDone: 6, rowsTotal: 6, fileName: expect.stringMatching(/^Apliecību reģistrs - .*\.xlsx$/) });
        const file = await bytes(adminApi(`/api/v1/report-exports/${done.id}/download`));
        const sheet = await xlsxSheet(file.body as Buffer);
        expect(sheet.rowCount).toBe(7);
        expect(rowValues(sheet, 2)[0]).toBe(issued[0].serial);
      } finally {
        await worker?.close();
      }
    });
  });
});

describe('a cohort’s ZIP of many certificates', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t.close());

  /** `count` certificates straight in the database, each with a stored file of `size` random bytes. */
  async function manyCertificates(count: number, size: number) {
    const world = await completedCohort(t.dataSource, count);
    const storage = t.app.get(StorageService);
    const format = (await t.dataSource.getRepository(CertificateTemplate).findOneByOrFail({ programmeId: world.programme.id }))
      .serialFormat;
    const repo = t.dataSource.getRepository(Certificate);
    const keys: string[] = [];
    for (let i = 0; i < count; i++) {
      const file = await storage.write(Readable.from([Buffer.from('%PDF-1.7\n'), randomBytes(size)]), 'certificate');
      await repo.insert({
        serial: format.replace('{YYYY}', '2012').replace('{NNNN}', String(i + 1).padStart(4, '0')),
        verificationCode: newVerificationCode(),
        programmeId: world.programme.id,
        partId: world.part.id,
        userId: world.trainees[i].id,
        enrolmentIds: [world.enrolments[i].id],
        holderName: world.trainees[i].name,
        language: 'lv',
        programmeTitle: 'Programma',
        partTitle: 'Daļa',
        academicHours: 40,
        issuerName: 'Daugavpils pilsētas dome',
        issuedAt: new Date('2012-06-20T09:00:00Z'),
        issuedById: null,
        status: 'valid',
        fileKey: file.key,
        fileSize: file.size,
        sha256: file.sha256,
      });
      keys.push(file.key);
    }
    return { world, keys };
  }

  it('reads one stored file at a time and sends the first bytes before the later files are opened, so memory stays flat', async () => {
    const COUNT = 60;
    const SIZE = 1_500_000;
    const { world, keys } = await manyCertificates(COUNT, SIZE);
    const admin = await logIn(t.agent(), (await createAdmin(t.dataSource)).email);

    // Live memory, read after a full collection (garbage waiting for the collector says nothing about the archive).
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const live = () => {
      collect();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    // Buffers are freed a moment after the collection that found them: let the files written above go first.
    live();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = live();
    let peak = before;

    // Watch the storage: how many files are open at once, how many were opened when the client got its first
    // bytes, and the live memory each time another 15 files have been opened.
    const storage = t.app.get(StorageService);
    const openRead = storage.openRead.bind(storage);
    let open = 0;
    let opened = 0;
    let mostOpen = 0;
    let openedAtFirstByte: number | null = null;
    const spy = jest.spyOn(storage, 'openRead').mockImplementation((key, range) => {
      if (opened > 0 && opened % 15 === 0) peak = Math.max(peak, live());
      const stream = openRead(key, range);
      opened += 1;
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      // Done with once all its bytes are read ('close' may come a moment after the next file is asked for).
      let counted = true;
      const done = () => counted && ((counted = false), (open -= 1));
      stream.once('end', done).once('close', done);
      return stream;
    });
    let zipPath: string | undefined;
    try {
      const zip = await saveBody(admin.get(`/cohorts/${world.cohort.id}/certificates.zip`), () => (openedAtFirstByte ??= opened));
      zipPath = zip.path;
      expect(zip.status).toBe(200);
      const names = zipNames(zip.path);
      expect(names).toHaveLength(COUNT);
      zipTest(zip.path);
      const archiveBytes = Number(zip.headers['content-length']);
      expect(archiveBytes).toBeGreaterThan(COUNT * SIZE);
      expect(opened).toBe(COUNT);
      expect(mostOpen).toBe(1);
      expect(openedAtFirstByte).toBeLessThanOrEqual(2);
      // The archive is 90 MB; live memory (heap and buffers) grew by far less (a buffered archive would hold all of
      // it). The margin is wide: freed buffers are released a moment after the collection, so a reading may count some.
      const grewBy = Math.max(peak, live()) - before;
      process.stdout.write(`certificates.zip: ${COUNT} certificates, ${archiveBytes} bytes, live memory grew by ${grewBy} bytes at most\n`);
      expect(grewBy).toBeLessThan(archiveBytes / 2);
    } finally {
      spy.mockRestore();
      // 90 MB of files and as much archive: not left behind.
      if (zipPath) rmSync(dirname(zipPath), { recursive: true, force: true });
      await storage.discardAll(keys.map((key) => ({ key })));
    }
  }, 300_000);
});
