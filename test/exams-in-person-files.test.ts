import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cohort } from '../src/cohorts/cohort.entity';
import type { Exam } from '../src/exams/exam.entity';
import type { User } from '../src/users/user.entity';
import { startWebApp, TestApp } from './support/app';
import { createInPersonExam } from './support/exam-factories';
import { zerosZip } from './support/files';
import { createApiToken, createInstructor, createTrainee } from './support/factories';
import { csrfToken, logIn } from './support/http';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

type Change = { userId: string; name: string; after: { status: string; score: string | null }; version: number };

describe('in-person exam results: CSV and XLSX upload, and the protocol', () => {
  let t: TestApp;
  let cohort: Cohort;
  let trainees: User[];
  let token: string;
  let otherToken: string;
  let teacherEmail: string;

  beforeAll(async () => {
    t = await startWebApp();
    const teacher = await createInstructor(t.dataSource, { name: 'Dace Ozola' });
    const colleague = await createInstructor(t.dataSource, { name: 'Ģirts Šķēle' });
    const programme = await createProgramme(t.dataSource, { titleLv: 'Projektu vadības pilnveide' });
    const part = await createPart(t.dataSource, programme, { number: 1, titleLv: 'Projektu vadība' });
    cohort = await createCohort(t.dataSource, part, { name: '1. daļa — rudens', instructors: [teacher, colleague] });
    trainees = [];
    for (const name of ['Anna Bērziņa', 'Kaspars Dūmiņš', 'Marta Ķēniņa', 'Žanis Ūdris']) {
      const trainee = await createTrainee(t.dataSource, { name });
      await enrol(t.dataSource, cohort, trainee);
      trainees.push(trainee);
    }
    teacherEmail = teacher.email;
    token = (await createApiToken(t.dataSource, teacher)).secret;
    otherToken = (await createApiToken(t.dataSource, colleague)).secret;
  });
  afterAll(() => t.close());

  const auth = (token_ = token) => ({ Authorization: `Bearer ${token_}` });
  const template = async (exam: Exam, format: 'csv' | 'xlsx'): Promise<Buffer> => {
    const res = await t
      .http()
      .get(`/api/v1/exams/${exam.id}/sheet/template?format=${format}`)
      .set(auth())
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };
  const upload = (exam: Exam, file: Buffer, name: string) =>
    t.http().post(`/api/v1/exams/${exam.id}/sheet/upload`).set(auth()).attach('file', file, name);
  const apply = (exam: Exam, changes: Change[]) =>
    t
      .http()
      .post(`/api/v1/exams/${exam.id}/sheet/apply`)
      .set(auth())
      .send({
        entries: changes.map((c) => ({
          userId: c.userId,
          outcome: c.after.status === 'absent' || c.after.status === 'excused' ? c.after.status : c.after.score === null ? 'none' : 'score',
          score: c.after.score,
          version: c.version,
        })),
      });
  const results = async (exam: Exam) =>
    Object.fromEntries(
      (
        await t.dataSource.query(
          'SELECT u.name, r.status, r.score FROM exam_results r JOIN users u ON u.id = r.user_id WHERE exam_id = $1',
          [exam.id],
        )
      ).map((r: { name: string; status: string; score: string | null }) => [r.name, [r.status, r.score]]),
    );

  it('fills the CSV template with the trainees, previews the changes with refused lines named, and applies them', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const csv = (await template(exam, 'csv')).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines: string[][] = parse(csv.slice(1), { delimiter: ';' });
    expect(lines[0]).toEqual(['email', 'name', 'score', 'status', 'version']);
    expect(lines.slice(1).map((l) => l[1])).toEqual(['Anna Bērziņa', 'Kaspars Dūmiņš', 'Marta Ķēniņa', 'Žanis Ūdris']);
    const filled = [
      'email;name;score;status;version',
      `${trainees[0].email};Anna Bērziņa;"8,5";;0`,
      `${trainees[1].email};Kaspars Dūmiņš;;neieradās;0`,
      `${trainees[2].email};Marta Ķēniņa;deviņi;;0`,
      `${trainees[3].email};Žanis Ūdris;12;;0`,
      'nav.tads@kursors.test;Nav Tāds;5;;0',
    ].join('\r\n');
    const preview = await upload(exam, Buffer.from(filled), 'rezultati.csv');
    expect(preview.status).toBe(200);
    expect(preview.body.changes.map((c: Change) => [c.name, c.after])).toEqual([
      ['Anna Bērziņa', { status: 'passed', score: '8.50' }],
      ['Kaspars Dūmiņš', { status: 'absent', score: null }],
    ]);
    expect(preview.body.refused.map((r: { line: number; reason: string; name: string }) => [r.line, r.reason, r.name])).toEqual([
      [4, 'badScore', 'Marta Ķēniņa'],
      [5, 'aboveMax', 'Žanis Ūdris'],
      [6, 'unknownTrainee', 'nav.tads@kursors.test'],
    ]);
    expect(preview.body.refused[0].message).toContain('Marta Ķēniņa');
    expect(await results(exam)).toEqual({});
    const applied = await apply(exam, preview.body.changes);
    expect(applied.status).toBe(200);
    expect(await results(exam)).toEqual({ 'Anna Bērziņa': ['passed', '8.50'], 'Kaspars Dūmiņš': ['absent', null] });
  });

  it('reads back the XLSX template with the names and emails, and takes it filled in', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort, { passMark: '6.00', passMarkUnit: 'points' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template(exam, 'xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Rezultāti');
    expect(sheet.getRow(1).values).toEqual([undefined, 'email', 'name', 'score', 'status', 'version']);
    expect([2, 3, 4, 5].map((n) => [sheet.getCell(n, 1).value, sheet.getCell(n, 2).value])).toEqual(trainees.map((u) => [u.email, u.name]));
    sheet.getCell(2, 3).value = 6;
    sheet.getCell(3, 3).value = 5.75;
    sheet.getCell(4, 4).value = 'attaisnots';
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await upload(exam, filled, 'rezultati.xlsx');
    expect(preview.status).toBe(200);
    expect(preview.body.refused).toEqual([]);
    expect(preview.body.unchanged).toBe(1);
    await apply(exam, preview.body.changes).expect(200);
    expect(await results(exam)).toEqual({
      'Anna Bērziņa': ['passed', '6.00'],
      'Kaspars Dūmiņš': ['failed', '5.75'],
      'Marta Ķēniņa': ['excused', null],
    });
  });

  it('refuses a line edited since the template was downloaded, and applies nothing when one changed since the preview', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const csv = (await template(exam, 'csv')).toString('utf8');
    await t
      .http()
      .put(`/api/v1/exams/${exam.id}/sheet`)
      .set(auth(otherToken))
      .send({ entries: [{ userId: trainees[0].id, outcome: 'score', score: '9', version: 0 }] })
      .expect(200);
    const filled = csv
      .replace(`${trainees[0].email};Anna Bērziņa;;;0`, `${trainees[0].email};Anna Bērziņa;3;;0`)
      .replace(`${trainees[1].email};Kaspars Dūmiņš;;;0`, `${trainees[1].email};Kaspars Dūmiņš;7;;0`)
      .replace(`${trainees[2].email};Marta Ķēniņa;;;0`, `${trainees[2].email};Marta Ķēniņa;4;;0`);
    const preview = await upload(exam, Buffer.from(filled), 'rezultati.csv');
    expect(preview.body.refused.map((r: { reason: string; name: string }) => [r.reason, r.name])).toEqual([['changed', 'Anna Bērziņa']]);
    expect(preview.body.changes.map((c: Change) => c.name)).toEqual(['Kaspars Dūmiņš', 'Marta Ķēniņa']);
    await t
      .http()
      .put(`/api/v1/exams/${exam.id}/sheet`)
      .set(auth(otherToken))
      .send({ entries: [{ userId: trainees[2].id, outcome: 'absent', version: 0 }] })
      .expect(200);
    const refused = await apply(exam, preview.body.changes);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RESULTS_CHANGED');
    expect(refused.body.message).toContain('Marta Ķēniņa');
    expect(await results(exam)).toEqual({ 'Anna Bērziņa': ['passed', '9.00'], 'Marta Ķēniņa': ['absent', null] });
  });

  it('refuses a file that is neither CSV nor XLSX, or lacks the email column, naming the field', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    const broken = await upload(exam, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(50, 1)]), 'x.xlsx');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0]).toMatchObject({ field: 'file' });
    const bomb = await upload(exam, await zerosZip(200 * 1024 * 1024, 'xl/worksheets/sheet1.xml'), 'x.xlsx');
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors[0]).toMatchObject({ field: 'file', code: 'examSheet.xlsxTooLarge' });
    const noEmail = await upload(exam, Buffer.from('name;score\nAnna;5\n'), 'x.csv');
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.errors[0].message).toContain('email');
  });

  it('prints the protocol as an A4 PDF with Latvian letters, the examiners, date, place and each result', async () => {
    const session = await createSession(t.dataSource, cohort, {
      kind: 'exam_sitting',
      title: 'Noslēguma eksāmens',
      startsAt: new Date('2012-12-14T08:00:00Z'),
      address: 'Krišjāņa Valdemāra iela 1, Daugavpils',
      room: '214. telpa',
    });
    const exam = await createInPersonExam(t.dataSource, cohort, { sessionId: session.id, title: 'Projektu vadības eksāmens' });
    await t
      .http()
      .put(`/api/v1/exams/${exam.id}/sheet`)
      .set(auth())
      .send({
        entries: [
          { userId: trainees[0].id, outcome: 'score', score: '9,5', version: 0 },
          { userId: trainees[1].id, outcome: 'score', score: '6', version: 0 },
          { userId: trainees[2].id, outcome: 'excused', version: 0 },
        ],
      })
      .expect(200);
    const res = await t
      .http()
      .get(`/api/v1/exams/${exam.id}/protocol.pdf`)
      .set(auth())
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'protocol-'));
    writeFileSync(join(dir, 'p.pdf'), res.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
    for (const expected of [
      'Eksāmena protokols',
      'Projektu vadības eksāmens',
      'Projektu vadības pilnveide',
      '1. Projektu vadība',
      '1. daļa — rudens',
      '2012. gada 14. decembrī, 10:00',
      'Krišjāņa Valdemāra iela 1, Daugavpils, 214. telpa',
      'Dace Ozola, Ģirts Šķēle',
      'Anna Bērziņa',
      'Marta Ķēniņa',
      'Žanis Ūdris',
      'nokārtots',
      'nenokārtots',
      'attaisnots',
      'Eksaminētāju paraksti',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Anna Bērziņa\s+9,5\s+nokārtots/);
    expect(text).toMatch(/Kaspars Dūmiņš\s+6\s+nenokārtots/);
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', join(dir, 'p.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Eksāmena protokols: Projektu vadības eksāmens/);
    expect(info).toMatch(/Author:\s+Dace Ozola, Ģirts Šķēle/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const catalog = (res.body as Buffer).toString('latin1');
    expect(catalog).toContain('/Lang (lv-LV)');
  });
  it('on the page, applying a preview a line of which changed since shows the preview again and writes nothing', async () => {
    const exam = await createInPersonExam(t.dataSource, cohort);
    await t
      .http()
      .put(`/api/v1/exams/${exam.id}/sheet`)
      .set(auth(otherToken))
      .send({ entries: [{ userId: trainees[1].id, outcome: 'absent', version: 0 }] })
      .expect(200);
    const agent = t.agent();
    await logIn(agent, teacherEmail);
    const res = await agent
      .post(`/exams/${exam.id}/sheet/apply`)
      .type('form')
      .send({
        _csrf: await csrfToken(agent, `/exams/${exam.id}/sheet`),
        [`change[${trainees[0].id}][outcome]`]: 'score',
        [`change[${trainees[0].id}][score]`]: '8.00',
        [`change[${trainees[0].id}][version]`]: '0',
        [`change[${trainees[1].id}][outcome]`]: 'score',
        [`change[${trainees[1].id}][score]`]: '4.00',
        [`change[${trainees[1].id}][version]`]: '0',
      });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Nekas nav saglabāts: kopš izmaiņu parādīšanas kāds cits mainīja rezultātus (Kaspars Dūmiņš)');
    expect(res.text).toContain('Kaspars Dūmiņš: rezultātu pēc veidnes lejupielādes vai izmaiņu parādīšanas mainīja kāds cits.');
    expect(res.text).toContain(`name="change[${trainees[0].id}][score]" value="8.00"`);
    expect(await results(exam)).toEqual({ 'Kaspars Dūmiņš': ['absent', null] });
  });
});
