import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { Clock } from '../src/common/clock';
import { Assignment } from '../src/assignments/assignment.entity';
import { Extension } from '../src/assignments/extension.entity';
import { SubmissionFile } from '../src/submissions/submission-file.entity';
import { SubmissionPagesService } from '../src/submissions/submission-pages.service';
import { Submission } from '../src/submissions/submission.entity';
import { StorageService } from '../src/storage/storage.service';
import { rigaTime } from '../src/i18n/dates';
import type { QueryRunner } from 'typeorm';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { docxBytes, pdfBytes, pngBytes, windowsExecutable, zerosZip } from './support/files';
import { csrfFrom, logIn } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';
import { filesIn, multipartBody, useTemporaryUploadDir } from './support/uploads';

const uploadDir = useTemporaryUploadDir();
const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const seconds = (n: number) => n * 1000;
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** 30 November 2012 23:59 in Riga; the cut-off two days later. */
const OPENS = rigaTime(2012, 10, 15, 10, 0);
const DUE = rigaTime(2012, 11, 30, 23, 59);
const CUTOFF = rigaTime(2012, 12, 2, 23, 59);

describe('coursework: assignments, submissions and extensions', () => {
  let t: TestApp;
  let clock: Clock;
  let port: number;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const tokens = new Map<string, string>();

  async function buildWorld() {
    const ds = t.dataSource;
    const programme = await createProgramme(ds);
    const part = await createPart(ds, programme, { titleLv: 'Projektu vadība' });
    const instructorA = await createInstructor(ds, { name: 'Pasniedzēja Anna' });
    const instructorB = await createInstructor(ds);
    const cohortA = await createCohort(ds, part, { name: 'Rudens grupa', instructors: [instructorA] });
    const cohortB = await createCohort(ds, part, { instructors: [instructorB] });
    const trainees = await Promise.all(Array.from({ length: 8 }, (_, i) => createTrainee(ds, { name: `Dalībniece ${i + 1}` })));
    for (const trainee of trainees) await enrol(ds, cohortA, trainee);
    const traineeOfB = await createTrainee(ds);
    await enrol(ds, cohortB, traineeOfB);
    const outsider = await createTrainee(ds);
    const completed = await createTrainee(ds);
    await enrol(ds, cohortA, completed, 'completed');
    const admin = await createAdmin(ds);
    return { part, cohortA, cohortB, instructorA, instructorB, trainees, traineeOfB, outsider, completed, admin };
  }

  async function bearer(user: User): Promise<string> {
    if (!tokens.has(user.id)) tokens.set(user.id, `Bearer ${(await createApiToken(t.dataSource, user)).secret}`);
    return tokens.get(user.id)!;
  }

  /** An assignment of cohort A written straight to the database. */
  async function assignment(overrides: Partial<Assignment> = {}): Promise<Assignment> {
    const repo = t.dataSource.getRepository(Assignment);
    return repo.save(
      repo.create({
        cohortId: world.cohortA.id,
        title: `Projekta pieteikums ${Math.random().toString(36).slice(2, 6)}`,
        brief: 'Sagatavojiet projekta pieteikumu.',
        opensAt: OPENS,
        dueAt: DUE,
        cutoffAt: CUTOFF,
        maxFiles: 3,
        maxFileSizeMb: 1,
        acceptedTypes: ['pdf', 'docx', 'zip', 'png', 'jpg'],
        gradingType: 'points',
        maxPoints: '10',
        passMark: '6',
        ...overrides,
      }),
    );
  }

  /** A multipart body written whole, so a refusal mid-way cannot cut the client off while it is still sending. */
  function filesBody(files: { name: string; content: Buffer }[], text?: string) {
    const boundary = `----kursors${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    if (text !== undefined) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n${text}\r\n`));
    for (const file of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename*=UTF-8''${encodeURIComponent(file.name)}\r\n\r\n`,
        ),
        file.content,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
  }

  async function submitFiles(user: User, assignmentId: string, files: { name: string; content: Buffer }[], text?: string) {
    const { body, contentType } = filesBody(files, text);
    return t
      .http()
      .post(`/api/v1/assignments/${assignmentId}/submit`)
      .set('Authorization', await bearer(user))
      .set('Content-Type', contentType)
      .send(body);
  }

  interface RawAnswer {
    status?: number;
    body?: { code?: string };
  }

  /** A multipart upload written by hand, part by part, as slowly as the test likes; the answer comes as it comes. */
  async function rawUpload(user: User, assignmentId: string, fileName: string) {
    const boundary = '----kursorsRaw';
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: `/api/v1/assignments/${assignmentId}/submit`,
      method: 'POST',
      headers: { authorization: await bearer(user), 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const answer = new Promise<RawAnswer>((resolve) => {
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }));
      });
      req.on('error', () => resolve({}));
    });
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n\r\n`);
    return { req, answer, end: () => req.end(`\r\n--${boundary}--\r\n`) };
  }

  const submissionOf = (assignmentId: string, userId: string) => t.dataSource.getRepository(Submission).findOneBy({ assignmentId, userId });

  beforeAll(async () => {
    t = await startWebApp();
    clock = t.app.get(Clock);
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    world = await buildWorld();
  });
  afterEach(() => clock.set(null));
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  describe('assignments', () => {
    it('are set by the cohort instructor with Riga times, and bad input is refused field by field', async () => {
      const { instructorA, cohortA } = world;
      const refused = await t
        .http()
        .post(`/api/v1/cohorts/${cohortA.id}/assignments`)
        .set('Authorization', await bearer(instructorA))
        .send({
          title: '',
          opensDate: '2012-10-15',
          opensTime: '10:00',
          dueDate: '2012-02-30',
          dueTime: '23:59',
          gradingType: 'points',
          maxPoints: 10,
          passMark: 12,
        });
      expect(refused.status).toBe(400);
      const fields = (refused.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(expect.arrayContaining(['title']));

      const res = await t
        .http()
        .post(`/api/v1/cohorts/${cohortA.id}/assignments`)
        .set('Authorization', await bearer(instructorA))
        .send({
          title: 'Projekta pieteikums',
          brief: 'Skatīt [vadlīnijas](https://daugavpils.lv) <script>alert(1)</script> [x](javascript:alert(1))',
          opensDate: '2012-10-15',
          opensTime: '10:00',
          dueDate: '2012-11-30',
          dueTime: '23:59',
          gradingType: 'pass_fail',
          acceptedTypes: ['pdf', 'docx'],
        });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        dueAt: '2012-11-30T21:59:00.000Z',
        cutoffAt: '2012-11-30T21:59:00.000Z',
        maxFiles: 5,
        maxFileSizeMb: 20,
        allowText: true,
      });
      expect(res.body.briefHtml).toContain('<a href="https://daugavpils.lv" rel="noopener nofollow">vadlīnijas</a>');
      expect(res.body.briefHtml).not.toMatch(/<script|href="javascript/);
      const audit = await t.dataSource.getRepository(AuditEvent).findOneBy({ action: 'assignment.created', entityId: res.body.id });
      expect(audit?.actorId).toBe(instructorA.id);

      const other = await t
        .http()
        .post(`/api/v1/cohorts/${cohortA.id}/assignments`)
        .set('Authorization', await bearer(world.instructorB))
        .send({
          title: 'Svešs',
          opensDate: '2012-10-15',
          opensTime: '10:00',
          dueDate: '2012-11-30',
          dueTime: '23:59',
          gradingType: 'pass_fail',
          acceptedTypes: ['pdf'],
        });
      expect(other.status).toBe(404);
    });
  });

  describe('handing in', () => {
    it('keeps a draft, then submits files and text, and emails a receipt with the SHA-256 of each file', async () => {
      const a = await assignment();
      const trainee = world.trainees[0];
      clock.set(plus(DUE, -seconds(2 * 86_400)));
      const saved = await t
        .http()
        .put(`/api/v1/assignments/${a.id}/draft`)
        .set('Authorization', await bearer(trainee))
        .send({ text: 'Pirmais melnraksts' });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ state: 'draft', draft: { number: 1, text: 'Pirmais melnraksts' }, versions: [] });

      const pdf = pdfBytes();
      const docx = await docxBytes();
      const res = await submitFiles(
        trainee,
        a.id,
        [
          { name: 'Pieteikums.pdf', content: pdf },
          { name: 'Budžets.docx', content: docx },
        ],
        'Pielikumā pieteikums.',
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'submitted', submittedVersion: 1, lateSeconds: 0, draft: null });
      const [version] = res.body.versions;
      expect(version.files.map((f: { fileName: string; sha256: string }) => [f.fileName, f.sha256])).toEqual([
        ['Budžets.docx', sha256(docx)],
        ['Pieteikums.pdf', sha256(pdf)],
      ]);

      const receipt = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ dedupKey: `coursework-receipt:${version.id}` });
      expect(receipt).toMatchObject({ recipientId: trainee.id, template: 'coursework-receipt', category: 'update' });
      expect(receipt.subject).toContain('Darbs iesniegts');
      for (const bytes of [pdf, docx]) {
        expect(receipt.text).toContain(sha256(bytes));
        expect(receipt.html).toContain(sha256(bytes));
      }
      expect(receipt.text).toContain('2012. gada 28. novembrī plkst. 23:59');
    });

    it('submits the saved draft as it stands when the submit call brings no text of its own', async () => {
      const a = await assignment();
      const trainee = world.trainees[1];
      clock.set(plus(DUE, -seconds(86_400)));
      const saved = await t
        .http()
        .put(`/api/v1/assignments/${a.id}/draft`)
        .set('Authorization', await bearer(trainee))
        .send({ text: 'Saglabātais teksts' });
      expect(saved.status).toBe(200);
      const res = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(trainee))
        .send({});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'submitted', submittedVersion: 1 });
      expect(res.body.versions[0].text).toBe('Saglabātais teksts');
    });

    it('through the page builds the assignment page only when the form is shown again with its errors', async () => {
      const a = await assignment();
      const trainee = world.trainees[2];
      clock.set(plus(DUE, -seconds(86_400)));
      const agent = await logIn(t.agent(), trainee.email);
      const csrf = csrfFrom((await agent.get(`/assignments/${a.id}`).expect(200)).text);
      const pageBuilds = jest.spyOn(t.app.get(SubmissionPagesService), 'assignmentPage');
      const post = (file: { name: string; content: Buffer }, text: string) => {
        const boundary = `----kursors${Math.random().toString(16).slice(2)}`;
        const field = (name: string, value: string) =>
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
        const body = Buffer.concat([
          field('_csrf', csrf),
          field('text', text),
          field('action', 'submit'),
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n\r\n`),
          file.content,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        return agent.post(`/assignments/${a.id}/submission`).set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body);
      };
      try {
        const refused = await post({ name: 'Tukss.pdf', content: Buffer.alloc(0) }, 'Teksts, kas jāparāda vēlreiz');
        expect(refused.status).toBe(422);
        expect(refused.text).toContain('Fails „Tukss.pdf” ir tukšs.');
        expect(refused.text).toContain(a.title);
        expect(refused.text).toContain('Teksts, kas jāparāda vēlreiz');
        expect(pageBuilds).toHaveBeenCalledTimes(1);
        expect(await submissionOf(a.id, trainee.id)).toBeNull();

        pageBuilds.mockClear();
        const handedIn = await post({ name: 'Pieteikums.pdf', content: pdfBytes() }, 'Iesniegtais teksts');
        expect([handedIn.status, handedIn.headers.location]).toEqual([303, `/assignments/${a.id}`]);
        expect(pageBuilds).not.toHaveBeenCalled();
        expect(await submissionOf(a.id, trainee.id)).toMatchObject({ userId: trainee.id });
      } finally {
        pageBuilds.mockRestore();
      }
    });

    it('counts exactly the due time as on time, and one second after as late by one second', async () => {
      const a = await assignment({ allowText: true });
      const [, onTime, late] = world.trainees;
      clock.set(DUE);
      const first = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(onTime))
        .send({ text: 'Tieši laikā' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ state: 'submitted', lateSeconds: 0 });

      clock.set(plus(DUE, seconds(1)));
      const second = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(late))
        .send({ text: 'Sekundi par vēlu' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ state: 'late', lateSeconds: 1 });
      const receipt = await t.dataSource
        .getRepository(OutboxMessage)
        .findOneByOrFail({ dedupKey: `coursework-receipt:${second.body.versions[0].id}` });
      expect(receipt.text).toContain('nokavēts par 1 sekundi');

      const agent = await logIn(t.agent(), late.email);
      const page = await agent.get(`/assignments/${a.id}`);
      expect(page.text).toContain('Iesniegts ar nokavējumu');
      expect(page.text).toContain('nokavēts par 1 sekundi');
    });

    it('refuses work at and after the cut-off, keeping no row and no file', async () => {
      const a = await assignment();
      const trainee = world.trainees[3];
      const before = filesIn(uploadDir).length;
      for (const now of [CUTOFF, plus(CUTOFF, seconds(3600))]) {
        clock.set(now);
        const res = await submitFiles(trainee, a.id, [{ name: 'Vēlu.pdf', content: pdfBytes() }], 'Par vēlu');
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'SUBMISSION_CLOSED', message: expect.stringContaining('Iesniegšanas termiņš ir beidzies') });
      }
      expect(await submissionOf(a.id, trainee.id)).toBeNull();
      expect(filesIn(uploadDir)).toHaveLength(before);
    });

    it('checks the time again when recording: an upload that crosses the cut-off keeps nothing', async () => {
      const a = await assignment({ maxFileSizeMb: 2 });
      const trainee = world.trainees[4];
      const before = filesIn(uploadDir).length;
      clock.set(plus(CUTOFF, -seconds(5)));
      const { req, answer, end } = await rawUpload(trainee, a.id, 'Pedeja bridi.pdf');
      req.write(Buffer.concat([pdfBytes(), Buffer.alloc(300 * 1024, 0x20)]));
      await eventually(() => filesIn(uploadDir).some((name) => name.endsWith('.tmp')), 5000, 'the upload to start');
      clock.set(CUTOFF);
      end();
      const res = await answer;
      expect(res.status).toBe(409);
      expect(res.body?.code).toBe('SUBMISSION_CLOSED');
      await eventually(() => filesIn(uploadDir).length === before, 5000, 'the stored file to be removed');
      expect(await submissionOf(a.id, trainee.id)).toBeNull();
    });

    it('an upload that another hand-in overtook still starts the next version from the last one, files included', async () => {
      const a = await assignment({ maxFileSizeMb: 2 });
      const trainee = world.trainees[3];
      clock.set(plus(DUE, -seconds(86_400)));
      const draft = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/draft/files`)
        .set('Authorization', await bearer(trainee))
        .attach('files', pdfBytes(), 'Pirmais.pdf');
      expect(draft.status).toBe(200);
      // The upload starts while there is a draft; the draft is submitted before the upload ends.
      const { req, answer, end } = await rawUpload(trainee, a.id, 'Otrais.pdf');
      req.write(Buffer.concat([pdfBytes(), Buffer.alloc(300 * 1024, 0x20)]));
      await eventually(() => filesIn(uploadDir).some((name) => name.endsWith('.tmp')), 5000, 'the upload to start');
      const submitted = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(trainee))
        .send({});
      expect(submitted.body).toMatchObject({ state: 'submitted', submittedVersion: 1 });
      end();
      const res = await answer;
      expect(res.status).toBe(200);
      const { versions } = res.body as unknown as { versions: { number: number; files: { fileName: string }[] }[] };
      expect(versions.map((v) => [v.number, v.files.map((f) => f.fileName)])).toEqual([
        [2, ['Otrais.pdf', 'Pirmais.pdf']],
        [1, ['Pirmais.pdf']],
      ]);
      const stored = await t.dataSource.getRepository(SubmissionFile).find({ where: { version: { submission: { assignmentId: a.id } } } });
      expect(stored).toHaveLength(3);
      for (const file of stored) expect(filesIn(uploadDir)).toContain(file.storageKey);
    });

    it('answers 409 and keeps nothing when other hand-ins of the same trainee keep going first', async () => {
      const a = await assignment();
      const trainee = world.trainees[6];
      clock.set(plus(DUE, -seconds(86_400)));
      const first = await submitFiles(trainee, a.id, [{ name: 'Pirmais.pdf', content: pdfBytes() }]);
      expect(first.status).toBe(200);
      const submissionId: string = first.body.submissionId;
      const [source] = await t.dataSource.getRepository(SubmissionFile).find({ where: { version: { submissionId } } });
      const storage = t.app.get(StorageService);
      const stored = filesIn(uploadDir).length;

      /** A connection holding the submission's lock, as another hand-in of the trainee would while it records. */
      async function holdLock() {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        const locked = runner.query('SELECT id FROM submissions WHERE id = $1 FOR UPDATE', [submissionId]);
        return { runner, locked };
      }
      // Blocked as the lock manager says: a backend whose lock was just granted can still show its old wait in
      // pg_stat_activity until it runs again, which on a busy machine let a round start before the save queued.
      const isWaiting = async (sql: string) =>
        Number(
          (
            await t.dataSource.query(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE $1 AND cardinality(pg_blocking_pids(pid)) > 0`,
              [`${sql}%`],
            )
          )[0].n,
        ) >= 1;
      /** What the other hand-in records under its lock: a newer submitted version, its file a copy of the first. */
      async function submitAnotherVersion(runner: QueryRunner, number: number) {
        const copy = await storage.copy({ key: source.storageKey, sha256: source.sha256 }, 'submission');
        const [version] = await runner.query(
          `INSERT INTO submission_versions (submission_id, number, submitted_at) VALUES ($1, $2, now()) RETURNING id`,
          [submissionId, number],
        );
        await runner.query(
          `INSERT INTO submission_files (version_id, storage_key, file_name, mime_type, size, sha256) VALUES ($1, $2, $3, $4, $5, $6)`,
          [version.id, copy.key, `Versija ${number}.pdf`, 'application/pdf', copy.size, copy.sha256],
        );
        await runner.query('UPDATE submissions SET submitted_version = $2, submitted_at = now() WHERE id = $1', [submissionId, number]);
      }

      let holder = await holdLock();
      await holder.locked;
      // Saving a text starts a draft from the last submitted version: its files are copied before the lock is taken.
      let answered = false;
      const saving = t
        .http()
        .put(`/api/v1/assignments/${a.id}/draft`)
        .set('Authorization', await bearer(trainee))
        .send({ text: 'Papildinājums' })
        .then((res) => {
          answered = true;
          return res;
        });
      // Each round, while the save waits for the lock, another hand-in records a newer version, and the next one
      // queues behind. When the holder commits, its update moves the row, and which of the two waiting then takes
      // the lock is PostgreSQL's choice: the save either finds its copies stale and starts over, or keeps waiting
      // into the next round. Either way every attempt meets a newer version, until the save gives up.
      let versionsAdded = 0;
      while (true) {
        await eventually(async () => answered || (await isWaiting('INSERT INTO submissions AS s')), 15000, 'the save to wait for the lock');
        if (answered) break;
        expect(versionsAdded).toBeLessThan(12);
        versionsAdded += 1;
        await submitAnotherVersion(holder.runner, versionsAdded + 1);
        const next = await holdLock();
        await eventually(() => isWaiting('SELECT id FROM submissions WHERE id = $1 FOR UPDATE'), 15000, 'the next hand-in to queue');
        await holder.runner.commitTransaction();
        await holder.runner.release();
        await next.locked;
        holder = next;
      }
      await holder.runner.commitTransaction();
      await holder.runner.release();
      const res = await saving;
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'SUBMISSION_CHANGED_MEANWHILE',
        message:
          'Darbs tikmēr tika iesniegts vēlreiz citā logā vai ierīcē, tāpēc šīs izmaiņas netika saglabātas. Atveriet uzdevumu no jauna un mēģiniet vēlreiz.',
      });
      // One try per newer version at most: it gave up after three, each one stale.
      expect(versionsAdded).toBeGreaterThanOrEqual(3);
      const versions = await t.dataSource.query(
        'SELECT number, submitted_at IS NOT NULL AS submitted FROM submission_versions WHERE submission_id = $1 ORDER BY number',
        [submissionId],
      );
      // Nothing of the save is kept: no draft, only the submitted versions.
      expect(versions).toEqual(Array.from({ length: versionsAdded + 1 }, (_, i) => ({ number: i + 1, submitted: true })));
      // The copies the save made for its drafts are gone with it; the added versions' copies stay.
      await eventually(() => filesIn(uploadDir).length === stored + versionsAdded, 5000, "the save's copies to be removed");
    });

    it('keeps every version; a resubmission starts from the last one, files copied, and the latest counts', async () => {
      const a = await assignment();
      const trainee = world.trainees[5];
      clock.set(plus(DUE, -seconds(86_400)));
      const first = await submitFiles(trainee, a.id, [{ name: 'Pirmais.pdf', content: pdfBytes() }], 'Pirmā versija');
      expect(first.status).toBe(200);
      clock.set(plus(DUE, -seconds(3600)));
      const png = pngBytes();
      const second = await submitFiles(trainee, a.id, [{ name: 'Shēma.png', content: png }]);
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ state: 'submitted', submittedVersion: 2 });
      const [v2, v1] = second.body.versions;
      expect([v2.number, v1.number]).toEqual([2, 1]);
      expect(v2.text).toBe('Pirmā versija');
      expect(v2.files.map((f: { fileName: string }) => f.fileName)).toEqual(['Pirmais.pdf', 'Shēma.png']);
      expect(v2.files[0].id).not.toBe(v1.files[0].id);
      expect(v2.files[0].sha256).toBe(v1.files[0].sha256);

      const submission = await t
        .http()
        .get(`/api/v1/submissions/${second.body.submissionId}`)
        .set('Authorization', await bearer(world.instructorA));
      expect(submission.status).toBe(200);
      expect(submission.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
      const old = await t
        .http()
        .get(`/api/v1/submission-files/${v1.files[0].id}/download`)
        .set('Authorization', await bearer(world.instructorA));
      expect(old.status).toBe(200);
      expect(Buffer.compare(old.body as Buffer, pdfBytes())).toBe(0);
    });
  });

  describe('assignments of a part', () => {
    it('reach every cohort of the part; each instructor sees only their own trainees', async () => {
      const res = await t
        .http()
        .post(`/api/v1/parts/${world.part.id}/assignments`)
        .set('Authorization', await bearer(world.admin))
        .send({
          title: 'Kopīgs darbs',
          opensDate: '2012-10-15',
          opensTime: '10:00',
          dueDate: '2012-11-30',
          dueTime: '23:59',
          gradingType: 'pass_fail',
          acceptedTypes: ['pdf'],
        });
      expect(res.status).toBe(201);
      const id = res.body.id as string;
      clock.set(plus(DUE, -seconds(86_400)));
      for (const trainee of [world.trainees[0], world.traineeOfB]) {
        const submitted = await t
          .http()
          .post(`/api/v1/assignments/${id}/submit`)
          .set('Authorization', await bearer(trainee))
          .send({ text: 'Darbs' });
        expect(submitted.status).toBe(200);
      }
      const roster = async (user: User) =>
        (
          await t
            .http()
            .get(`/api/v1/assignments/${id}/submissions`)
            .set('Authorization', await bearer(user))
        ).body.items as { userId: string; state: string }[];
      const ofB = await roster(world.instructorB);
      expect(ofB.map((row) => [row.userId, row.state])).toEqual([[world.traineeOfB.id, 'submitted']]);
      expect((await roster(world.instructorA)).map((row) => row.userId)).not.toContain(world.traineeOfB.id);
      expect((await roster(world.admin)).map((row) => row.userId)).toEqual(
        expect.arrayContaining([world.traineeOfB.id, world.trainees[0].id]),
      );
      const mine = await t
        .http()
        .get('/api/v1/me/assignments')
        .set('Authorization', await bearer(world.traineeOfB));
      expect(mine.body.items.map((item: { assignment: { id: string } }) => item.assignment.id)).toContain(id);
    });
  });

  describe('revision', () => {
    it('takes a new version of returned work until the revision due time, not after', async () => {
      const a = await assignment();
      const trainee = world.trainees[2];
      clock.set(plus(DUE, -seconds(86_400)));
      const first = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(trainee))
        .send({ text: 'Pirmā versija' });
      expect(first.status).toBe(200);
      const revisionDueAt = plus(CUTOFF, seconds(7 * 86_400));
      // What returning for revision (the grading side) leaves on the submission.
      await t.dataSource
        .getRepository(Submission)
        .update({ id: first.body.submissionId }, { returnedAt: plus(CUTOFF, seconds(60)), revisionDueAt });
      clock.set(plus(CUTOFF, seconds(86_400)));
      const mine = await t
        .http()
        .get(`/api/v1/assignments/${a.id}/submission`)
        .set('Authorization', await bearer(trainee));
      expect(mine.body).toMatchObject({ state: 'returned', deadlines: { revision: true, dueAt: revisionDueAt.toISOString() } });
      const second = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(trainee))
        .send({ text: 'Labotā versija' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ state: 'submitted', submittedVersion: 2, lateSeconds: 0, returnedAt: null });
      clock.set(plus(revisionDueAt, seconds(1)));
      const third = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(trainee))
        .send({ text: 'Par vēlu' });
      expect([third.status, third.body.code]).toEqual([409, 'SUBMISSION_CLOSED']);
    });
  });

  describe('uploads', () => {
    async function expectRefused(files: { name: string; content: Buffer }[], status: number, code: string) {
      const a = await assignment();
      const trainee = world.trainees[6];
      const before = filesIn(uploadDir).length;
      clock.set(plus(DUE, -seconds(86_400)));
      const res = await submitFiles(trainee, a.id, files, 'Ar failiem');
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(filesIn(uploadDir)).toHaveLength(before);
      expect(await submissionOf(a.id, trainee.id)).toBeNull();
      return res;
    }

    it('refuses content that does not match the extension', async () => {
      await expectRefused([{ name: 'Attēls.pdf', content: pngBytes() }], 415, 'FILE_CONTENT_MISMATCH');
    });

    it('refuses a renamed program, even after a good file', async () => {
      await expectRefused(
        [
          { name: 'Labs.pdf', content: pdfBytes() },
          { name: 'Atskaite.docx', content: windowsExecutable() },
        ],
        415,
        'FILE_EXECUTABLE',
      );
    });

    it('refuses an empty file', async () => {
      const res = await expectRefused([{ name: 'Tukšs.pdf', content: Buffer.alloc(0) }], 422, 'FILE_EMPTY');
      expect(res.body.message).toBe('Fails „Tukšs.pdf” ir tukšs.');
    });

    it('refuses a zip bomb', async () => {
      await expectRefused([{ name: 'Arhīvs.zip', content: await zerosZip(64 * MiB, 'nulles.txt') }], 422, 'ARCHIVE_UNSAFE');
    });

    it('refuses more files than the assignment takes', async () => {
      const four = Array.from({ length: 4 }, (_, i) => ({ name: `Fails ${i + 1}.pdf`, content: pdfBytes() }));
      await expectRefused(four, 400, 'MULTIPART_TOO_MANY_FILES');
    });

    describe('a broken form', () => {
      /** Posts `body` to the hand-in route, then checks that nothing was kept: no file and no submission. */
      async function expectBroken(body: Buffer, contentType: string, status: number, code: string) {
        const a = await assignment();
        const trainee = world.trainees[5];
        const before = filesIn(uploadDir).length;
        clock.set(plus(DUE, -seconds(86_400)));
        const res = await t
          .http()
          .post(`/api/v1/assignments/${a.id}/submit`)
          .set('Authorization', await bearer(trainee))
          .set('Content-Type', contentType)
          .send(body);
        expect([res.status, res.body.code]).toEqual([status, code]);
        expect(filesIn(uploadDir)).toHaveLength(before);
        expect(await submissionOf(a.id, trainee.id)).toBeNull();
        return res;
      }
      const part = (boundary: string, disposition: string, content: Buffer | string) =>
        Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n`),
          Buffer.from(content),
          Buffer.from('\r\n'),
        ]);

      it('cut off before its closing boundary: refused, and the file already written is removed', async () => {
        const boundary = 'kursorsCut';
        const body = Buffer.concat([
          part(boundary, 'name="files"; filename="Pieteikums.pdf"', pdfBytes()),
          part(boundary, 'name="text"', 'Teksts'),
        ]);
        const res = await expectBroken(body, `multipart/form-data; boundary=${boundary}`, 400, 'MULTIPART_INVALID');
        expect(res.body.message).toBe('Nosūtīto veidlapu neizdevās nolasīt. Lūdzu, mēģiniet vēlreiz.');
      });

      it('with a text longer than a field may be: refused, naming the field', async () => {
        const { body, contentType } = filesBody([{ name: 'Pieteikums.pdf', content: pdfBytes() }], 'ā'.repeat(200 * 1024));
        const res = await expectBroken(body, contentType, 400, 'MULTIPART_FIELD_TOO_LONG');
        expect(res.body.message).toBe('Lauka „text” vērtība ir pārāk gara.');
      });

      it('with a field name over 100 characters: refused', async () => {
        const boundary = 'kursorsLongName';
        const body = Buffer.concat([part(boundary, `name="${'n'.repeat(101)}"`, 'x'), Buffer.from(`--${boundary}--\r\n`)]);
        await expectBroken(body, `multipart/form-data; boundary=${boundary}`, 400, 'MULTIPART_FIELD_TOO_LONG');
      });

      it('with more text fields than a hand-in has room for: refused', async () => {
        const boundary = 'kursorsMany';
        const fields = Array.from({ length: 21 }, (_, i) => part(boundary, `name="f${i}"`, 'x'));
        const body = Buffer.concat([
          ...fields,
          part(boundary, 'name="files"; filename="Pieteikums.pdf"', pdfBytes()),
          Buffer.from(`--${boundary}--\r\n`),
        ]);
        await expectBroken(body, `multipart/form-data; boundary=${boundary}`, 400, 'MULTIPART_TOO_MANY_PARTS');
      });

      it('without a boundary: refused', async () => {
        await expectBroken(Buffer.from('x'), 'multipart/form-data', 400, 'MULTIPART_INVALID');
      });
    });

    it('refuses a file over the limit while it streams, without reading the rest', async () => {
      const a = await assignment();
      const trainee = world.trainees[6];
      const before = filesIn(uploadDir).length;
      clock.set(plus(DUE, -seconds(86_400)));
      const total = 64 * MiB;
      let sent = 0;
      const { req, answer: answered, end } = await rawUpload(trainee, a.id, 'Liels.pdf');
      let done = false;
      void answered.then(() => (done = true));
      const chunk = Buffer.concat([pdfBytes(), Buffer.alloc(64 * 1024, 0x20)]).subarray(0, 64 * 1024);
      while (sent < total && !done && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk))
          await new Promise((r) => {
            req.once('drain', r);
            req.once('close', r);
          });
      }
      if (!done && !req.destroyed) end();
      const res = await answered;
      req.destroy();
      expect(res.status).toBe(413);
      expect(res.body?.code).toBe('FILE_TOO_LARGE');
      expect(sent).toBeLessThan(total / 4);
      expect(filesIn(uploadDir)).toHaveLength(before);
      expect(await submissionOf(a.id, trainee.id)).toBeNull();
    });

    it('keeps path-traversal and control-character names only as safe names', async () => {
      const a = await assignment();
      const trainee = world.trainees[7];
      clock.set(plus(DUE, -seconds(86_400)));
      // As a browser sends it (raw UTF-8) and as some HTTP libraries do (RFC 5987 `filename*`).
      for (const nameEncoding of ['raw', 'extended'] as const) {
        const { body, contentType } = multipartBody(
          {},
          { field: 'files', filename: '..\\..\\etc\\\u0007Rēķins\u202E\u0000\tNr 1.pdf', nameEncoding, content: pdfBytes() },
        );
        const res = await t
          .http()
          .post(`/api/v1/assignments/${a.id}/draft/files`)
          .set('Authorization', await bearer(trainee))
          .set('Content-Type', contentType)
          .send(body);
        expect(res.status).toBe(200);
        expect(res.body.draft.files.at(-1).fileName).toBe('Rēķins Nr 1.pdf');
      }
      const traversal = multipartBody({}, { field: 'files', filename: '../../../etc/passwd.pdf', content: pdfBytes() });
      const res2 = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/draft/files`)
        .set('Authorization', await bearer(trainee))
        .set('Content-Type', traversal.contentType)
        .send(traversal.body);
      expect(res2.status).toBe(200);
      expect(res2.body.draft.files.map((f: { fileName: string }) => f.fileName)).toEqual([
        'Rēķins Nr 1.pdf',
        'Rēķins Nr 1.pdf',
        'passwd.pdf',
      ]);
      const stored = await t.dataSource.getRepository(SubmissionFile).findBy({ versionId: res2.body.draft.id });
      for (const file of stored) expect(filesIn(uploadDir)).toContain(file.storageKey);
      const download = await t
        .http()
        .get(`/api/v1/submission-files/${res2.body.draft.files[0].id}/download`)
        .set('Authorization', await bearer(trainee));
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="Rekins Nr 1.pdf"; filename*=UTF-8''R%C4%93%C4%B7ins%20Nr%201.pdf`,
      );
    });
  });

  describe('extensions', () => {
    it('move the edges for that trainee only, and tell them', async () => {
      const a = await assignment();
      const [, , , , , , extended, other] = world.trainees;
      const res = await t
        .http()
        .put(`/api/v1/assignments/${a.id}/extensions`)
        .set('Authorization', await bearer(world.instructorA))
        .send({
          userId: extended.id,
          dueDate: '2012-12-05',
          dueTime: '23:59',
          cutoffDate: '2012-12-06',
          cutoffTime: '12:00',
          reason: 'Slimības lapa',
        });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ dueAt: '2012-12-05T21:59:00.000Z', cutoffAt: '2012-12-06T10:00:00.000Z' });
      expect(await t.dataSource.getRepository(OutboxMessage).countBy({ recipientId: extended.id, template: 'extension-granted' })).toBe(1);

      const foreign = await t
        .http()
        .put(`/api/v1/assignments/${a.id}/extensions`)
        .set('Authorization', await bearer(world.instructorB))
        .send({ userId: extended.id, dueDate: '2012-12-05', dueTime: '23:59', reason: 'Nē' });
      expect(foreign.status).toBe(404);

      clock.set(plus(CUTOFF, seconds(3600)));
      const refused = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(other))
        .send({ text: 'Par vēlu' });
      expect(refused.status).toBe(409);
      const accepted = await t
        .http()
        .post(`/api/v1/assignments/${a.id}/submit`)
        .set('Authorization', await bearer(extended))
        .send({ text: 'Ar pagarinājumu' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ state: 'submitted', lateSeconds: 0, deadlines: { extended: true } });

      clock.set(rigaTime(2012, 12, 6, 12, 0));
      const closed = await t
        .http()
        .put(`/api/v1/assignments/${a.id}/draft`)
        .set('Authorization', await bearer(extended))
        .send({ text: 'Vēl' });
      expect(closed.status).toBe(409);
      expect(await t.dataSource.getRepository(Extension).countBy({ assignmentId: a.id })).toBe(1);
    });
  });

  describe('who may see what', () => {
    it('shows a submission, its versions and files only to the owner, their instructors and admins', async () => {
      const a = await assignment();
      const [owner, otherTrainee] = [world.trainees[1], world.trainees[2]];
      clock.set(plus(DUE, -seconds(86_400)));
      const submitted = await submitFiles(owner, a.id, [{ name: 'Darbs.pdf', content: pdfBytes() }]);
      expect(submitted.status).toBe(200);
      const submissionId = submitted.body.submissionId as string;
      const version = submitted.body.versions[0];
      const fileId = version.files[0].id as string;
      const paths = [
        `/api/v1/submissions/${submissionId}`,
        `/api/v1/submission-versions/${version.id}`,
        `/api/v1/submission-files/${fileId}`,
        `/api/v1/submission-files/${fileId}/download`,
      ];
      for (const user of [otherTrainee, world.instructorB, world.traineeOfB, world.outsider]) {
        for (const path of paths)
          expect([
            path,
            (
              await t
                .http()
                .get(path)
                .set('Authorization', await bearer(user))
            ).status,
          ]).toEqual([path, 404]);
      }
      for (const user of [owner, world.instructorA, world.admin]) {
        for (const path of paths)
          expect([
            path,
            (
              await t
                .http()
                .get(path)
                .set('Authorization', await bearer(user))
            ).status,
          ]).toEqual([path, 200]);
      }

      const stranger = await logIn(t.agent(), otherTrainee.email);
      for (const path of [`/submissions/${submissionId}`, `/submission-files/${fileId}/download`, `/submission-files/${fileId}/inline`]) {
        expect([path, (await stranger.get(path)).status]).toEqual([path, 404]);
      }
      const teacher = await logIn(t.agent(), world.instructorA.email);
      const download = await teacher.get(`/submission-files/${fileId}/download`);
      expect(download.status).toBe(200);
      expect(download.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-type': 'application/pdf' });
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Darbs.pdf"/);
      const inline = await teacher.get(`/submission-files/${fileId}/inline`);
      expect(inline.status).toBe(200);
      expect(inline.headers['content-disposition']).toMatch(/^inline; /);
      expect(inline.headers['content-security-policy']).toContain('sandbox');
      const page = await teacher.get(`/submissions/${submissionId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(version.files[0].sha256);
    });

    it('lets only trainees enrolled in the cohort hand in work', async () => {
      const a = await assignment();
      clock.set(plus(DUE, -seconds(86_400)));
      const submit = async (user: User) =>
        t
          .http()
          .post(`/api/v1/assignments/${a.id}/submit`)
          .set('Authorization', await bearer(user))
          .send({ text: 'Mans darbs' });
      expect((await submit(world.outsider)).status).toBe(404);
      expect((await submit(world.traineeOfB)).status).toBe(404);
      const completed = await submit(world.completed);
      expect([completed.status, completed.body.code]).toEqual([403, 'NOT_ENROLLED']);
      expect(await t.dataSource.getRepository(Submission).countBy({ assignmentId: a.id })).toBe(0);
    });
  });

  describe('pages', () => {
    it('let a trainee see the time left in Latvian, save a draft and submit through the form', async () => {
      const a = await assignment({ title: 'Riska analīze', brief: '**Svarīgi**: <b>nē</b>' });
      const trainee = world.trainees[0];
      clock.set(plus(DUE, -seconds(3 * 86_400 + 5 * 3600)));
      const agent = await logIn(t.agent(), trainee.email);
      const mine = await agent.get('/my/assignments');
      expect(mine.status).toBe(200);
      expect(mine.text).toContain('Riska analīze');
      const page = await agent.get(`/assignments/${a.id}`);
      expect(page.text).toContain('Līdz termiņam atlikušas 3 dienas un 5 stundas.');
      expect(page.text).toContain('<strong>Svarīgi</strong>: &lt;b&gt;nē&lt;/b&gt;');
      const token = csrfFrom(page.text);
      const saved = await agent
        .post(`/assignments/${a.id}/submission`)
        .field('_csrf', token)
        .field('text', 'Melnraksts')
        .field('action', 'save');
      expect(saved.status).toBe(303);
      const submitted = await agent
        .post(`/assignments/${a.id}/submission`)
        .field('_csrf', token)
        .field('text', 'Gatavs')
        .attach('files', pdfBytes(), 'Analīze.pdf')
        .field('action', 'submit');
      expect(submitted.status).toBe(303);
      const after = await agent.get(`/assignments/${a.id}`);
      expect(after.text).toContain('Darbs iesniegts.');
      expect(after.text).toContain('Analīze.pdf');
      const refused = await agent
        .post(`/assignments/${a.id}/submission`)
        .field('_csrf', token)
        .field('text', 'Jaunais teksts, ko nedrīkst pazaudēt')
        .attach('files', pngBytes(), 'Nav.pdf')
        .field('action', 'submit');
      expect(refused.status).toBe(415);
      expect(refused.text).toContain('neatbilst tā paplašinājumam');
      expect(refused.text).toContain('Jaunais teksts, ko nedrīkst pazaudēt');
    });

    it('let the instructor see the trainees and give an extension through the form', async () => {
      const a = await assignment();
      const agent = await logIn(t.agent(), world.instructorA.email);
      const page = await agent.get(`/assignments/${a.id}/trainees`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(world.trainees[0].name);
      const token = csrfFrom(page.text);
      const bad = await agent
        .post(`/assignments/${a.id}/extensions`)
        .type('form')
        .send({ _csrf: token, userId: world.trainees[0].id, dueDate: '', dueTime: '', reason: '' });
      expect(bad.status).toBe(422);
      const ok = await agent.post(`/assignments/${a.id}/extensions`).type('form').send({
        _csrf: token,
        userId: world.trainees[0].id,
        dueDate: '2012-12-10',
        dueTime: '12:00',
        cutoffDate: '',
        cutoffTime: '',
        reason: 'Komandējums',
      });
      expect(ok.status).toBe(303);
      const list = await agent.get(`/assignments/${a.id}/trainees`);
      expect(list.text).toContain('Komandējums');
    });
  });
});
