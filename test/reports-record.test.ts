import { randomBytes } from 'node:crypto';
import { Grade } from '../src/grading/grade.entity';
import { ExamResult } from '../src/exams/exam-result.entity';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { startWebApp, TestApp } from './support/app';
import { createInPersonExam } from './support/exam-factories';
import { createAdmin, createInstructor, createTrainee } from './support/factories';
import { createAssignment, handIn } from './support/grading-factories';
import { logIn } from './support/http';
import { bytes, csvRows, markAttendance, rowValues, xlsxSheet } from './support/report-files';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

const DAY = 86_400_000;

describe("a trainee's record", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t?.close());

  /** Jānis in two cohorts (one he withdrew from), with a mark, a released and a draft grade, results released and not, emails and a certificate. */
  async function recordOfJanis() {
    const instructor = await createInstructor(t.dataSource);
    const programme = await createProgramme(t.dataSource, { titleLv: 'Projektu vadība' });
    const part = await createPart(t.dataSource, programme, { titleLv: 'Projekta plānošana', minAttendancePercent: 75 });
    const cohort = await createCohort(t.dataSource, part, { name: 'Rudens grupa', instructors: [instructor] });
    const earlier = await createCohort(t.dataSource, part, { name: 'Pavasara grupa' });
    const janis = await createTrainee(t.dataSource, { name: 'Jānis Bērziņš', department: 'Attīstības nodaļa' });
    const other = await createTrainee(t.dataSource, { name: 'Cita Persona' });
    await enrol(t.dataSource, earlier, janis, 'withdrawn');
    await enrol(t.dataSource, cohort, janis);
    await enrol(t.dataSource, cohort, other);
    const session = await createSession(t.dataSource, cohort, { title: 'Ievadnodarbība', startsAt: new Date(Date.now() - 7 * DAY) });
    await markAttendance(t.dataSource, session.id, [
      [janis.id, 'late'],
      [other.id, 'absent'],
    ]);
    const dueAt = new Date(Date.now() - 2 * DAY);
    const released = await createAssignment(t.dataSource, { cohort }, { title: 'Projekta pieteikums', dueAt });
    const draft = await createAssignment(t.dataSource, { cohort }, { title: 'Riska plāns', dueAt });
    const grades = t.dataSource.getRepository(Grade);
    const first = await handIn(t.dataSource, null, released, janis);
    await grades.save({
      submissionId: first.id,
      versionNumber: 1,
      score: '9.00',
      passed: true,
      status: 'released',
      releasedAt: new Date(),
    });
    const second = await handIn(t.dataSource, null, draft, janis);
    await grades.save({ submissionId: second.id, versionNumber: 1, score: '2.00', passed: false, status: 'draft' });
    const othersWork = await handIn(t.dataSource, null, released, other);
    await grades.save({
      submissionId: othersWork.id,
      versionNumber: 1,
      score: '1.00',
      passed: false,
      status: 'released',
      releasedAt: new Date(),
    });
    const exam = await createInPersonExam(t.dataSource, cohort, { title: 'Noslēguma eksāmens', releasedAt: new Date() });
    const retake = await createInPersonExam(t.dataSource, cohort, { title: 'Atkārtotais eksāmens', retakeOfId: exam.id });
    await t.dataSource.getRepository(ExamResult).save([
      { examId: exam.id, userId: janis.id, status: 'failed', score: '4.00' },
      { examId: retake.id, userId: janis.id, status: 'passed', score: '8.00' },
    ]);
    const outbox = t.dataSource.getRepository(OutboxMessage);
    for (const [who, subject] of [
      [janis, 'Jūs esat uzņemts grupā'],
      [other, 'Citai personai'],
    ] as const)
      await outbox.save({
        dedupKey: `record-test:${randomBytes(6).toString('hex')}`,
        recipientEmail: who.email,
        recipientId: who.id,
        template: 'enrolled',
        category: 'account',
        language: 'lv',
        data: {},
        subject,
        html: '<p>.</p>',
        text: '.',
        status: 'sent',
        messageId: `<${randomBytes(6).toString('hex')}@kursors.test>`,
        sentAt: new Date(),
      });
    await t.dataSource.query(
      `INSERT INTO certificates (serial, verification_code, programme_id, part_id, user_id, enrolment_ids, holder_name, language,
                                 programme_title, part_title, academic_hours, issuer_name, issued_at, file_key, file_size, sha256)
       VALUES ($1, $2, $3, $4, $5, '{}', 'Jānis Bērziņš', 'lv', 'Projektu vadība', 'Projekta plānošana', 40, 'Dome', now(),
               $6, 1000, $7)`,
      [
        `DPD-2012/${randomBytes(3).toString('hex')}`,
        randomBytes(8).toString('hex').slice(0, 16).toUpperCase(),
        programme.id,
        part.id,
        janis.id,
        `certificate-${randomBytes(16).toString('hex')}`,
        '0'.repeat(64),
      ],
    );
    return { instructor, cohort, janis, other };
  }

  it('shows an administrator everything in one place, drafts and unreleased results marked', async () => {
    const { janis } = await recordOfJanis();
    const admin = await logIn(t.agent(), (await createAdmin(t.dataSource)).email);
    const record = (await admin.get(`/api/v1/users/${janis.id}/record`).expect(200)).body;
    expect(record.audience).toBe('staff');
    expect(record.enrolments.map((e: { cohortName: string; status: string }) => [e.cohortName, e.status]).sort()).toEqual([
      ['Pavasara grupa', 'withdrawn'],
      ['Rudens grupa', 'enrolled'],
    ]);
    expect(record.attendance).toEqual([expect.objectContaining({ cohortName: 'Rudens grupa', late: 1, recorded: 1, percent: 100 })]);
    expect(record.sessions).toEqual([expect.objectContaining({ title: 'Ievadnodarbība', status: 'late' })]);
    expect(record.work.map((w: { title: string; grade: unknown }) => [w.title, w.grade])).toEqual([
      ['Projekta pieteikums', { score: 9, passed: true, released: true }],
      ['Riska plāns', { score: 2, passed: false, released: false }],
    ]);
    expect(record.exams.map((e: { title: string; status: string; released: boolean }) => [e.title, e.status, e.released])).toEqual([
      ['Noslēguma eksāmens', 'failed', true],
      ['Atkārtotais eksāmens', 'passed', false],
    ]);
    expect(record.emails.map((m: { subject: string }) => m.subject)).toEqual(['Jūs esat uzņemts grupā']);
    expect(record.certificates).toEqual([expect.objectContaining({ status: 'valid' })]);

    const page = await admin.get(`/admin/users/${janis.id}/record`).expect(200);
    for (const text of [
      'Kopskats: Jānis Bērziņš',
      'Pavasara grupa',
      'Izstājies',
      'Nokavējās',
      '2 (nepublicēts)',
      'Nokārtots (8) (nepublicēts)',
      'Jūs esat uzņemts grupā',
      'DPD-2012/',
    ])
      expect([text, page.text.includes(text)]).toEqual([text, true]);
    expect(page.text).not.toContain('Citai personai');
  });

  it('shows the trainee the same of themselves, without what is not released to them and without anyone else', async () => {
    const { janis } = await recordOfJanis();
    const agent = await logIn(t.agent(), janis.email);
    const record = (await agent.get('/api/v1/me/record').expect(200)).body;
    expect(record.audience).toBe('trainee');
    expect(record.work.map((w: { title: string; state: string; grade: unknown }) => [w.title, w.state, w.grade])).toEqual([
      ['Projekta pieteikums', 'graded', { score: 9, passed: true, released: true }],
      ['Riska plāns', 'submitted', null],
    ]);
    expect(record.exams.map((e: { status: string | null; score: number | null }) => [e.status, e.score])).toEqual([
      ['failed', 4],
      [null, null],
    ]);
    const page = await agent.get('/my/record').expect(200);
    expect(page.text).toContain('Mans kopskats');
    expect(page.text).not.toContain('nepublicēts');
    expect(page.text).not.toContain('Cita Persona');
    expect(page.text).not.toContain('Citai personai');
  });

  it('lets no one else read it: another trainee and an instructor of the cohort are refused', async () => {
    const { janis, other, instructor } = await recordOfJanis();
    const trainee = await logIn(t.agent(), other.email);
    expect((await trainee.get(`/api/v1/users/${janis.id}/record`)).status).toBe(403);
    expect((await trainee.get(`/admin/users/${janis.id}/record`)).status).toBe(403);
    const teacher = await logIn(t.agent(), instructor.email);
    expect((await teacher.get(`/api/v1/users/${janis.id}/record`)).status).toBe(403);
    const start = await teacher
      .post('/api/v1/report-exports')
      .set('X-CSRF-Token', await csrf(teacher))
      .send({ report: 'record', subjectId: janis.id, format: 'csv' });
    expect(start.status).toBe(404);
  });

  it('exports the record: CSV with Latvian letters, XLSX with dates as dates and points as numbers', async () => {
    const { janis } = await recordOfJanis();
    const agent = await logIn(t.agent(), janis.email);
    const csv = csvRows((await bytes(agent.get('/my/record/export?format=csv')).expect(200)).body);
    expect(csv[0]).toEqual(['Sadaļa', 'Datums', 'Nosaukums', 'Grupa', 'Statuss', 'Punkti']);
    expect(csv).toContainEqual([
      'Darbi un vērtējumi',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      'Projekta pieteikums',
      'Rudens grupa',
      '9',
      '9,00',
    ]);
    expect(csv.flat().join(' ')).not.toContain('nepublicēts');

    const admin = await logIn(t.agent(), (await createAdmin(t.dataSource)).email);
    const sheet = await xlsxSheet((await bytes(admin.get(`/api/v1/users/${janis.id}/record/export?format=xlsx`)).expect(200)).body);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));
    const work = rows.find((r) => r[2] === 'Projekta pieteikums')!;
    expect(work[1]).toBeInstanceOf(Date);
    expect(work[5]).toBe(9);
    expect(rows.find((r) => r[0] === 'Nosūtītie e-pasti')?.[2]).toBe('Jūs esat uzņemts grupā');
  });
});

async function csrf(agent: ReturnType<TestApp['agent']>): Promise<string> {
  const page = await agent.get('/profile');
  return /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
}
