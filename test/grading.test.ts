import * as yauzl from 'yauzl';
import { Grade } from '../src/grading/grade.entity';
import { Submission } from '../src/submissions/submission.entity';
import { StorageService } from '../src/storage/storage.service';
import type { Assignment } from '../src/assignments/assignment.entity';
import type { Cohort } from '../src/cohorts/cohort.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { docxBytes, pdfBytes } from './support/files';
import { createAssignment, handIn } from './support/grading-factories';
import { csrfFrom, logIn } from './support/http';
import { createCohort, createPart, createProgramme, enrol } from './support/schedule-factories';
import { multipartBody, useTemporaryUploadDir } from './support/uploads';

interface ZipEntry {
  name: string;
  content: Buffer;
}

function unzip(buffer: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: ZipEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, content: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const binary = (res: NodeJS.ReadableStream, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('grading', () => {
  useTemporaryUploadDir();
  let t: TestApp;
  let admin: User;
  let teacher: User;
  let otherTeacher: User;
  let trainee: User;
  let cohort: Cohort;
  let assignment: Assignment;
  const bearer = {} as Record<'teacher' | 'other' | 'trainee' | 'admin', string>;

  const as = (who: keyof typeof bearer) => ({ Authorization: `Bearer ${bearer[who]}` });
  const gradeRow = (submissionId: string) => t.dataSource.getRepository(Grade).findOneBy({ submissionId });
  const outbox = (template: string, recipientId: string): Promise<{ dedup_key: string; subject: string; text: string }[]> =>
    t.dataSource.query(
      'SELECT dedup_key, subject, text FROM outbox_messages WHERE template = $1 AND recipient_id = $2 ORDER BY created_at',
      [template, recipientId],
    );

  async function freshWork(options: Parameters<typeof handIn>[4] = {}): Promise<{ submission: Submission; trainee: User }> {
    const someone = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, someone);
    return { submission: await handIn(t.dataSource, t.app.get(StorageService), assignment, someone, options), trainee: someone };
  }

  beforeAll(async () => {
    t = await startWebApp();
    [admin, teacher, otherTeacher, trainee] = await Promise.all([
      createAdmin(t.dataSource),
      createInstructor(t.dataSource, { name: 'Inese Kalniņa' }),
      createInstructor(t.dataSource, { name: 'Pēteris Ozols' }),
      createTrainee(t.dataSource, { name: 'Jānis Bērziņš' }),
    ]);
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource));
    cohort = await createCohort(t.dataSource, part, { instructors: [teacher] });
    await createCohort(t.dataSource, part, { instructors: [otherTeacher] });
    await enrol(t.dataSource, cohort, trainee);
    assignment = await createAssignment(t.dataSource, { cohort }, { title: 'Projekta pieteikums' });
    for (const [who, user] of [
      ['teacher', teacher],
      ['other', otherTeacher],
      ['trainee', trainee],
      ['admin', admin],
    ] as const) {
      bearer[who] = (await createApiToken(t.dataSource, user)).secret;
    }
  });
  afterAll(() => t.close());

  it('hides work from an instructor of another cohort: no page, no grade, no release, no ZIP (404)', async () => {
    const { submission } = await freshWork({ files: [{ name: 'pieteikums.pdf', content: pdfBytes() }] });
    const other = await logIn(t.agent(), otherTeacher.email);
    expect((await other.get(`/grading/submissions/${submission.id}`)).status).toBe(404);
    expect((await other.get(`/grading/assignments/${assignment.id}/submissions.zip`)).status).toBe(404);
    const api = t.http();
    expect((await api.put(`/api/v1/submissions/${submission.id}/grade`).set(as('other')).send({ score: 7, feedback: 'Labi' })).status).toBe(
      404,
    );
    expect((await api.get(`/api/v1/submissions/${submission.id}/grade`).set(as('other'))).status).toBe(404);
    expect((await api.post(`/api/v1/submissions/${submission.id}/grade/release`).set(as('other')).send({})).status).toBe(404);
    expect(
      (
        await api
          .post(`/api/v1/submissions/${submission.id}/return`)
          .set(as('other'))
          .send({ dueDate: '2099-01-01', dueTime: '12:00', note: 'x' })
      ).status,
    ).toBe(404);
    expect((await api.post(`/api/v1/assignments/${assignment.id}/grades/release`).set(as('other'))).status).toBe(404);
    expect((await api.get(`/api/v1/assignments/${assignment.id}/submissions.zip`).set(as('other'))).status).toBe(404);
    const queue = await api.get('/api/v1/grading/queue').set(as('other'));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { submissionId: string }) => i.submissionId)).not.toContain(submission.id);
    expect(await gradeRow(submission.id)).toBeNull();
  });

  it('lets one of two saves from the same revision win; the other gets 409 and overwrites nothing', async () => {
    const { submission } = await freshWork({ text: 'Mana atbilde' });
    const first = await t
      .http()
      .put(`/api/v1/submissions/${submission.id}/grade`)
      .set(as('teacher'))
      .send({ score: 6, feedback: 'Pirmais' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'draft', revision: 1, score: 6, passed: true, versionNumber: 1 });

    const save = (who: 'teacher' | 'admin', score: number, feedback: string) =>
      t.http().put(`/api/v1/submissions/${submission.id}/grade`).set(as(who)).send({ revision: 1, score, feedback });
    const results = await Promise.all([save('teacher', 9, 'Inese: ļoti labi'), save('admin', 3, 'Admins: vāji')]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.code).toBe('GRADE_CONFLICT');
    const row = (await gradeRow(submission.id))!;
    expect(row.revision).toBe(2);
    expect(Number(row.score)).toBe(winner.body.score);
    expect(row.feedback).toBe(winner.body.feedback);
    expect(row.passed).toBe(winner.body.score >= 5);
  });

  it('protects the first save too: two saves with no grade yet give one 200 and one 409', async () => {
    const { submission } = await freshWork({ text: 'Atbilde' });
    const save = (who: 'teacher' | 'admin', score: number) =>
      t
        .http()
        .put(`/api/v1/submissions/${submission.id}/grade`)
        .set(as(who))
        .send({ score, feedback: `${score}` });
    const results = await Promise.all([save('teacher', 8), save('admin', 4)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    expect(Number((await gradeRow(submission.id))!.score)).toBe(winner.body.score);
    expect(await t.dataSource.getRepository(Grade).countBy({ submissionId: submission.id })).toBe(1);
  });

  it("shows a stale grading form the other grader's values with a Latvian conflict message (409)", async () => {
    const { submission } = await freshWork({ text: 'Atbilde' });
    await t
      .http()
      .put(`/api/v1/submissions/${submission.id}/grade`)
      .set(as('admin'))
      .send({ score: 7.5, feedback: 'Administratora atsauksme' })
      .expect(200);
    const agent = await logIn(t.agent(), teacher.email);
    const page = await agent.get(`/grading/submissions/${submission.id}`);
    expect(page.status).toBe(200);
    const token = csrfFrom(page.text);
    const { body, contentType } = multipartBody({
      _csrf: token,
      revision: '1',
      versionNumber: '1',
      score: '9',
      feedback: 'Manas piezīmes <b>svarīgi</b>',
    });
    await t
      .http()
      .put(`/api/v1/submissions/${submission.id}/grade`)
      .set(as('admin'))
      .send({ revision: 1, score: 4, feedback: 'Otrā doma' })
      .expect(200);
    const res = await agent.post(`/grading/submissions/${submission.id}/grade`).set('Content-Type', contentType).send(body);
    expect(res.status).toBe(409);
    expect(res.text).toContain('saglabāja šo vērtējumu');
    expect(res.text).toContain('value="4"');
    expect(res.text).toContain('Otrā doma');
    expect(res.text).toContain('Manas piezīmes &lt;b&gt;svarīgi&lt;/b&gt;');
    expect(res.text).not.toContain('<b>svarīgi</b>');
    expect(Number((await gradeRow(submission.id))!.score)).toBe(4);
  });

  it('keeps a draft from the trainee, and shows the grade once it is released', async () => {
    const submission = await handIn(t.dataSource, null, assignment, trainee, { text: 'Mans darbs' });
    await t
      .http()
      .put(`/api/v1/submissions/${submission.id}/grade`)
      .set(as('teacher'))
      .send({ score: 8, feedback: 'Labs darbs.\nPapildiniet budžetu.' })
      .expect(200);
    expect((await t.http().get(`/api/v1/submissions/${submission.id}/grade`).set(as('trainee'))).status).toBe(404);
    expect((await t.http().get(`/api/v1/assignments/${assignment.id}/submission`).set(as('trainee'))).body.grade).toBeNull();
    expect(await outbox('grade-released', trainee.id)).toEqual([]);

    const released = await t.http().post(`/api/v1/submissions/${submission.id}/grade/release`).set(as('teacher')).send({ revision: 1 });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'released', revision: 2 });
    const seen = await t.http().get(`/api/v1/submissions/${submission.id}/grade`).set(as('trainee'));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ score: 8, passed: true, feedback: 'Labs darbs.\nPapildiniet budžetu.' });
    const mails = await outbox('grade-released', trainee.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Novērtēts darbs: Projekta pieteikums');
    // Releasing again changes nothing and tells no one twice.
    await t.http().post(`/api/v1/submissions/${submission.id}/grade/release`).set(as('teacher')).send({}).expect(200);
    expect(await outbox('grade-released', trainee.id)).toHaveLength(1);
  });

  it("shows the released score in the trainee's list of assignments, and nothing of a draft grade", async () => {
    const { submission, trainee: owner } = await freshWork({ text: 'Mans darbs' });
    await t.http().put(`/api/v1/submissions/${submission.id}/grade`).set(as('teacher')).send({ score: 7.5, feedback: 'Labi.' }).expect(200);
    const agent = await logIn(t.agent(), owner.email);
    const card = async () => {
      const page = await agent.get('/my/assignments');
      const start = page.text.indexOf(assignment.title);
      expect(start).toBeGreaterThan(-1);
      return page.text.slice(start, page.text.indexOf('</li>', start));
    };
    expect(await card()).not.toContain('punkt');
    await t.http().post(`/api/v1/submissions/${submission.id}/grade/release`).set(as('teacher')).send({}).expect(200);
    const graded = await card();
    expect(graded).toContain('Novērtēts');
    expect(graded).toContain('Vērtējums: 7,5 no 10 punktiem, ieskaitīts');
  });

  it('returns work for revision: the grade goes back to a draft, the trainee is told and may hand in again', async () => {
    const owner = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, owner);
    const ownerToken = (await createApiToken(t.dataSource, owner)).secret;
    const submission = await handIn(t.dataSource, null, assignment, owner, { text: 'Pirmā versija' });
    await t
      .http()
      .put(`/api/v1/submissions/${submission.id}/grade`)
      .set(as('teacher'))
      .send({ score: 3, feedback: 'Nepietiek' })
      .expect(200);
    await t.http().post(`/api/v1/submissions/${submission.id}/grade/release`).set(as('teacher')).send({}).expect(200);

    const past = await t
      .http()
      .post(`/api/v1/submissions/${submission.id}/return`)
      .set(as('teacher'))
      .send({ dueDate: '2001-01-01', dueTime: '12:00', note: 'Pārstrādājiet' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0]).toMatchObject({ field: 'dueDate', message: 'Jaunajam termiņam jābūt nākotnē.' });

    const res = await t
      .http()
      .post(`/api/v1/submissions/${submission.id}/return`)
      .set(as('teacher'))
      .send({ dueDate: '2099-05-04', dueTime: '18:00', note: 'Papildiniet riska analīzi.' });
    expect(res.status).toBe(200);
    expect(res.body.revisionDueAt).toBe('2099-05-04T15:00:00.000Z');
    const reopened = await t.dataSource.getRepository(Submission).findOneByOrFail({ id: submission.id });
    expect(reopened.returnedAt).toBeInstanceOf(Date);
    expect((await gradeRow(submission.id))!.status).toBe('draft');
    expect(
      (
        await t
          .http()
          .get(`/api/v1/submissions/${submission.id}/grade`)
          .set({ Authorization: `Bearer ${ownerToken}` })
      ).status,
    ).toBe(404);
    const [mail] = await outbox('submission-returned', owner.id);
    expect(mail.text).toContain('Papildiniet riska analīzi.');
    expect(mail.text).toContain('2099. gada 4. maijā plkst. 18:00');

    const trainee = { Authorization: `Bearer ${ownerToken}` };
    expect((await t.http().get(`/api/v1/assignments/${assignment.id}/submission`).set(trainee)).body.state).toBe('returned');
    await t
      .http()
      .put(`/api/v1/assignments/${assignment.id}/draft`)
      .set(trainee)
      .send({ text: 'Otrā versija ar riska analīzi' })
      .expect(200);
    const submitted = await t
      .http()
      .post(`/api/v1/assignments/${assignment.id}/submit`)
      .set(trainee)
      .send({ text: 'Otrā versija ar riska analīzi' });
    expect([submitted.status, submitted.body.errors]).toEqual([200, undefined]);
    const queue = await t.http().get('/api/v1/grading/queue').query({ assignment: assignment.id }).set(as('teacher'));
    expect(queue.body.items.find((i: { submissionId: string }) => i.submissionId === submission.id)).toMatchObject({
      state: 'newVersion',
      submittedVersion: 2,
    });
    // The draft grade was for version 1: it cannot be released until version 2 is graded.
    const stale = await t.http().post(`/api/v1/submissions/${submission.id}/grade/release`).set(as('teacher')).send({});
    expect(stale.status).toBe(409);
  });

  it('never shortens a deadline without saying so: the form suggests the later time, an earlier one needs confirming', async () => {
    // Due 26.04.2099 23:59 in Riga, months after the work was handed in.
    const later = await createAssignment(t.dataSource, { cohort }, { title: 'Gala projekts', dueAt: new Date('2099-04-26T20:59:00Z') });
    const owner = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, owner);
    const submission = await handIn(t.dataSource, null, later, owner, { text: 'Pirmā versija', submittedAt: new Date() });
    const agent = await logIn(t.agent(), teacher.email);
    const page = await agent.get(`/grading/submissions/${submission.id}`);
    expect(page.text).toMatch(/name="dueDate" type="date" value="2099-04-26"/);
    expect(page.text).toMatch(/name="dueTime" type="time" value="23:59"/);

    const returnIt = (body: Record<string, unknown>) =>
      t
        .http()
        .post(`/api/v1/submissions/${submission.id}/return`)
        .set(as('teacher'))
        .send({ note: 'Papildiniet.', ...body });
    const shorter = await returnIt({ dueDate: '2099-01-10', dueTime: '12:00' });
    expect(shorter.status).toBe(400);
    expect(shorter.body.errors).toEqual([expect.objectContaining({ field: 'confirmShorter', code: 'grading.shortensDeadline' })]);
    expect((await t.dataSource.getRepository(Submission).findOneByOrFail({ id: submission.id })).returnedAt).toBeNull();
    expect(await outbox('submission-returned', owner.id)).toEqual([]);

    const confirmed = await returnIt({ dueDate: '2099-01-10', dueTime: '12:00', confirmShorter: true });
    expect([confirmed.status, confirmed.body.revisionDueAt]).toEqual([200, '2099-01-10T10:00:00.000Z']);
    // The current due time is now the revision's: a later one needs no confirmation, an earlier one does again.
    expect((await returnIt({ dueDate: '2099-01-10', dueTime: '12:00' })).status).toBe(200);
    expect((await returnIt({ dueDate: '2099-01-09', dueTime: '12:00' })).status).toBe(400);
  });

  it('audits every grade change with who, when, before and after', async () => {
    const { submission } = await freshWork({ text: 'Atbilde' });
    const created = await t.http().put(`/api/v1/submissions/${submission.id}/grade`).set(as('teacher')).send({ score: 5, feedback: 'A' });
    await t
      .http()
      .put(`/api/v1/submissions/${submission.id}/grade`)
      .set(as('admin'))
      .send({ revision: created.body.revision, score: 6.25, feedback: 'B' })
      .expect(200);
    await t.http().post(`/api/v1/submissions/${submission.id}/grade/release`).set(as('teacher')).send({}).expect(200);
    const events: {
      action: string;
      actor_id: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
      created_at: Date;
    }[] = await t.dataSource.query(
      `SELECT action, actor_id, before, after, created_at FROM audit_events WHERE entity_type = 'grade' AND entity_id = $1 ORDER BY created_at, action`,
      [created.body.id],
    );
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['grade.created', teacher.id],
      ['grade.updated', admin.id],
      ['grade.released', teacher.id],
    ]);
    expect(events[0].before).toBeNull();
    expect(events[0].after).toMatchObject({ score: '5.00', feedback: 'A', status: 'draft', submissionId: submission.id });
    expect(events[1].before).toMatchObject({ score: '5.00', feedback: 'A', revision: 1 });
    expect(events[1].after).toMatchObject({ score: '6.25', feedback: 'B', revision: 2 });
    expect(events[2].before).toMatchObject({ status: 'draft' });
    expect(events[2].after).toMatchObject({ status: 'released' });
    expect(events.every((e) => e.created_at instanceof Date)).toBe(true);
  });

  it('refuses a score outside 0..maxPoints, naming the field in Latvian', async () => {
    const { submission } = await freshWork({ text: 'Atbilde' });
    const res = await t.http().put(`/api/v1/submissions/${submission.id}/grade`).set(as('teacher')).send({ score: 10.5 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'score', message: 'Punktu skaitam jābūt no 0 līdz 10.' })]);
    expect(await gradeRow(submission.id)).toBeNull();
  });

  it('stores a feedback file from the grading form and gives it to the trainee once released', async () => {
    const { submission, trainee: owner } = await freshWork({ text: 'Atbilde' });
    const ownerToken = (await createApiToken(t.dataSource, owner)).secret;
    const agent = await logIn(t.agent(), teacher.email);
    const page = await agent.get(`/grading/submissions/${submission.id}`);
    const { body, contentType } = multipartBody(
      { _csrf: csrfFrom(page.text), revision: '', versionNumber: '1', score: '9,5', feedback: 'Skatīt pielikumu.' },
      { field: 'feedbackFile', filename: 'atsauksme.pdf', content: pdfBytes(), type: 'application/pdf' },
    );
    const saved = await agent.post(`/grading/submissions/${submission.id}/grade`).set('Content-Type', contentType).send(body);
    expect(saved.status).toBe(303);
    const grade = (await gradeRow(submission.id))!;
    expect(grade).toMatchObject({ score: '9.50', feedbackFileName: 'atsauksme.pdf', feedbackFileMimeType: 'application/pdf' });
    const path = `/api/v1/submissions/${submission.id}/grade/feedback-file`;
    expect(
      (
        await t
          .http()
          .get(path)
          .set({ Authorization: `Bearer ${ownerToken}` })
      ).status,
    ).toBe(404);
    await t.http().post(`/api/v1/submissions/${submission.id}/grade/release`).set(as('teacher')).send({}).expect(200);
    const file = await t
      .http()
      .get(path)
      .set({ Authorization: `Bearer ${ownerToken}` })
      .buffer(true)
      .parse(binary as never);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('atsauksme.pdf');
    expect(Buffer.compare(file.body as Buffer, pdfBytes())).toBe(0);
  });

  it('streams every latest version of an assignment as one ZIP, a folder per trainee', async () => {
    const group = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      instructors: [teacher],
    });
    const task = await createAssignment(t.dataSource, { cohort: group }, { title: 'Riska analīze / 2. daļa' });
    const [anna, zane, unsubmitted] = await Promise.all([
      createTrainee(t.dataSource, { name: 'Anna Līce' }),
      createTrainee(t.dataSource, { name: 'Zane Ērgle' }),
      createTrainee(t.dataSource, { name: 'Ilze Nav' }),
    ]);
    for (const person of [anna, zane, unsubmitted]) await enrol(t.dataSource, group, person);
    const storage = t.app.get(StorageService);
    await handIn(t.dataSource, storage, task, anna, {
      earlier: [{ files: [{ name: 'vecais.pdf', content: pdfBytes() }] }],
      text: 'Pielikumā riska matrica.',
      files: [
        { name: 'riska matrica.pdf', content: pdfBytes() },
        { name: '../../etc/passwd.docx', content: await docxBytes() },
      ],
    });
    await handIn(t.dataSource, storage, task, zane, { files: [{ name: 'atbilde.pdf', content: pdfBytes() }] });

    const res = await t
      .http()
      .get(`/api/v1/assignments/${task.id}/submissions.zip`)
      .set(as('teacher'))
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('attachment');
    const entries = await unzip(res.body as Buffer);
    expect(entries.map((e) => e.name).sort()).toEqual([
      'Anna Līce/atbilde.txt',
      'Anna Līce/passwd.docx',
      'Anna Līce/riska matrica.pdf',
      'Zane Ērgle/atbilde.pdf',
    ]);
    expect(entries.find((e) => e.name === 'Anna Līce/atbilde.txt')!.content.toString('utf8')).toBe('Pielikumā riska matrica.');
    expect(Buffer.compare(entries.find((e) => e.name === 'Zane Ērgle/atbilde.pdf')!.content, pdfBytes())).toBe(0);

    const page = await (
      await logIn(t.agent(), teacher.email)
    )
      .get(`/grading/assignments/${task.id}/submissions.zip`)
      .buffer(true)
      .parse(binary as never);
    expect(page.status).toBe(200);
    expect((await unzip(page.body as Buffer)).length).toBe(4);
  });
});
