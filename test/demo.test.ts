import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { Certificate } from '../src/certificates/certificate.entity';
import { demoId } from '../src/demo/demo-programme';
import { DEMO_PASSWORD } from '../src/demo/demo-users';
import { seedDemo } from '../src/demo/seed';
import { StorageService } from '../src/storage/storage.service';
import { startWebApp, TestApp } from './support/app';
import { logIn } from './support/http';
import { pdfText } from './support/report-files';
import { useTemporaryUploadDir } from './support/uploads';

useTemporaryUploadDir();

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
    // The demo and every programme test factories made under the same agreement number go, so the story below is
    // the demo's alone. Their exams and certificates go first: an attempt keeps the question versions it drew from
    // being deleted, and a certificate is a record its programme may not take with it.
    const programmes = `SELECT id FROM programmes WHERE agreement_number = '1DP/1.5.2.2.3/11/APIA/SIF/110/71'`;
    await t.dataSource.query(`DELETE FROM certificates WHERE programme_id IN (${programmes})`);
    await t.dataSource.query(
      `DELETE FROM exams WHERE cohort_id IN (SELECT c.id FROM cohorts c JOIN parts p ON p.id = c.part_id WHERE p.programme_id IN (${programmes}))`,
    );
    await t.dataSource.query(`DELETE FROM programmes WHERE id IN (${programmes})`);
    await seedDemo(t.app);
  });
  afterAll(() => t.close());

  const count = async (sql: string): Promise<number> => Number((await t.dataSource.query(sql))[0].n);

  it('loads the seed programme again without changing anything', async () => {
    const tables = [
      'users',
      'programmes',
      'parts',
      'cohorts',
      'enrolments',
      'sessions',
      'attendances',
      'session_changes',
      'indicators',
      'certificate_templates',
      'certificate_serial_counters',
      'certificates',
      'outbox_messages',
    ];
    const before = await Promise.all(tables.map((table) => count(`SELECT count(*) AS n FROM ${table}`)));
    await seedDemo(t.app);
    const after = await Promise.all(tables.map((table) => count(`SELECT count(*) AS n FROM ${table}`)));
    expect(after).toEqual(before);
  });

  it('tells the story of the seed: two parts, 20 and 7 trainees, two study visits, a December exam, one move', async () => {
    const parts = await t.dataSource.query(
      `SELECT p.number, p.title_lv FROM parts p JOIN programmes g ON g.id = p.programme_id
        WHERE g.agreement_number = '1DP/1.5.2.2.3/11/APIA/SIF/110/71' ORDER BY p.number`,
    );
    expect(parts).toEqual([
      { number: 1, title_lv: 'Projektu vadība' },
      { number: 2, title_lv: 'Projektu vadības specifika dažāda veida projektos' },
    ]);
    const perCohort = await t.dataSource.query(
      `SELECT c.name, count(e.id)::int AS n FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id
        WHERE c.starts_on < '2013-01-01' GROUP BY c.name ORDER BY c.name`,
    );
    expect(perCohort.map((row: { n: number }) => row.n).sort()).toEqual([20, 7]);
    const visits = await t.dataSource.query(
      `SELECT hosts, sites_visited, to_char(starts_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM') AS month FROM sessions WHERE kind = 'study_visit' ORDER BY starts_at`,
    );
    expect(visits.map((v: { month: string }) => v.month)).toEqual(['2012-08', '2012-09']);
    expect(visits[0].hosts).toContain('Rēzeknes');
    expect(visits[0].sites_visited).toContain('Latgales kultūrvēstures muzejs');
    expect(visits[1].sites_visited).toContain('Valmieras biznesa inkubators');
    const exam = await t.dataSource.query(
      `SELECT to_char(starts_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM-DD HH24:MI') AS at FROM sessions WHERE kind = 'exam_sitting' AND starts_at < '2013-01-01'`,
    );
    expect(exam).toEqual([{ at: '2012-12-14 10:00' }]);
    const change = await t.dataSource.query(`SELECT reason, kind FROM session_changes`);
    expect(change).toHaveLength(1);
    expect(change[0].kind).toBe('moved');
  });

  it('lets the demo admin log in and see the programme', async () => {
    const agent = t.agent();
    await logIn(agent, 'admin@kursors.test', DEMO_PASSWORD);
    const list = await agent.get('/admin/programmes');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Daugavpils pašvaldības darbinieku kursu cikla programma');
  });

  it('shows the demo trainee the upcoming sessions of the later run', async () => {
    const agent = t.agent();
    await logIn(agent, 'trainee@kursors.test', DEMO_PASSWORD);
    const mine = await agent.get('/my/sessions');
    expect(mine.status).toBe(200);
    expect(mine.text).toContain('Projektu vadība (atkārtota grupa), 1. nodarbība');
  });

  describe('coursework', () => {
    const COURSEWORK_TABLES = ['assignments', 'submissions', 'submission_versions', 'submission_files', 'grades'];
    const rowsOf = (table: string) => t.dataSource.query(`SELECT to_jsonb(x) AS row FROM ${table} x ORDER BY x.id`);
    const snapshot = () => Promise.all(COURSEWORK_TABLES.map(rowsOf));

    it('loads the independent work again without changing a row', async () => {
      const before = await snapshot();
      await seedDemo(t.app);
      expect(await snapshot()).toEqual(before);
    });

    it('tells the story of part 1 in 2012: six text answers, one late, one missing, five grades released', async () => {
      const [assignment] = await t.dataSource.query(
        `SELECT title, grading_type, max_points::int AS max, pass_mark::int AS pass, required_for_completion AS required, brief,
                to_char(due_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM-DD HH24:MI') AS due, cutoff_at > due_at AS has_grace
           FROM assignments WHERE id = $1`,
        [demoId('assignment:part1-2012')],
      );
      expect(assignment).toMatchObject({
        title: 'Patstāvīgais darbs: projekta pieteikuma izstrāde',
        grading_type: 'points',
        max: 20,
        pass: 10,
        required: true,
        due: '2012-12-03 23:59',
        has_grace: true,
      });
      expect(assignment.brief).toContain('## Vērtēšana');

      const work: { name: string; late: number; text: string; files: number; status: string | null; score: number | null }[] =
        await t.dataSource.query(
          `SELECT u.name, s.late_seconds AS late, v.text, (SELECT count(*)::int FROM submission_files f WHERE f.version_id = v.id) AS files, g.status, g.score::int AS score
           FROM enrolments e JOIN users u ON u.id = e.user_id
           LEFT JOIN submissions s ON s.user_id = u.id AND s.assignment_id = $2
           LEFT JOIN submission_versions v ON v.submission_id = s.id AND v.submitted_at IS NOT NULL
           LEFT JOIN grades g ON g.submission_id = s.id
          WHERE e.cohort_id = $1 ORDER BY u.name`,
          [demoId('cohort:part1-2012'), demoId('assignment:part1-2012')],
        );
      expect(work).toHaveLength(7);
      const handedIn = work.filter((w) => w.text);
      expect(handedIn).toHaveLength(6);
      expect(handedIn.every((w) => w.files === 0)).toBe(true);
      expect(work.filter((w) => w.late > 0).map((w) => w.name)).toEqual(['Jeļena Kozlova']);
      expect(work.filter((w) => w.status === 'released')).toHaveLength(5);
      expect(work.filter((w) => w.status === 'draft')).toHaveLength(1);
      expect(work.find((w) => w.name === 'Viktors Gailis')).toMatchObject({ text: null, status: null });
    });

    it("shows the demo trainee last run's grade and the repeat cohort's assignment, open with time left", async () => {
      const agent = t.agent();
      await logIn(agent, 'trainee@kursors.test', DEMO_PASSWORD);
      const mine = await agent.get('/api/v1/me/assignments');
      expect(mine.status).toBe(200);
      const byId = new Map(mine.body.items.map((item: { assignment: { id: string } }) => [item.assignment.id, item]));
      expect(byId.get(demoId('assignment:part1-2012'))).toMatchObject({ work: { state: 'graded', grade: { score: 17, passed: true } } });
      const open = byId.get(demoId('assignment:part1-2027')) as { work: { state: string; deadlines: { opensAt: string; dueAt: string } } };
      expect(open.work.state).toBe('not_submitted');
      expect(new Date(open.work.deadlines.opensAt).getTime()).toBeLessThan(Date.now());
      expect(new Date(open.work.deadlines.dueAt).getTime()).toBeGreaterThan(Date.now());
      expect(open.work.deadlines.dueAt.slice(0, 4)).toBe('2027');
      const page = await agent.get('/my/assignments');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Patstāvīgais darbs: projekta pieteikuma izstrāde');
    });
  });
  describe('completion', () => {
    const completed = (cohortKey: string) =>
      t.dataSource.query(
        `SELECT u.name, d.set_by_hand, ec.manual_reason, ec.state,
                to_char(d.completed_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM-DD') AS day
           FROM completed_enrolments d JOIN users u ON u.id = d.user_id JOIN enrolment_completions ec ON ec.enrolment_id = d.enrolment_id
          WHERE d.cohort_id = $1 ORDER BY u.name`,
        [demoId(cohortKey)],
      );

    it('has every 2012 trainee completed — part 1 after the December exam — by hand with a reason where the records fall short, and both cohorts closed', async () => {
      const part1: { name: string; set_by_hand: boolean; manual_reason: string | null; state: string; day: string }[] =
        await completed('cohort:part1-2012');
      expect(part1).toHaveLength(7);
      expect(part1.every((c) => c.day === '2012-12-21')).toBe(true);
      // The rule holds for those whose attendance, released grade and exam pass are all on record.
      expect(part1.filter((c) => !c.set_by_hand).length).toBeGreaterThan(0);
      expect(part1.filter((c) => c.set_by_hand).every((c) => c.manual_reason?.startsWith('2012. gada vēsture: '))).toBe(true);
      const kaspars = part1.find((c) => c.name === 'Kaspars Dūmiņš')!;
      expect(kaspars).toMatchObject({ set_by_hand: true, state: 'not_possible' });
      expect(kaspars.manual_reason).toContain('eksāmens nokārtots atkārtoti');
      const viktors = part1.find((c) => c.name === 'Viktors Gailis')!;
      expect(viktors.manual_reason).toContain('patstāvīgais darbs');

      expect(await completed('cohort:part2-2012')).toHaveLength(20);
      const cohorts = await t.dataSource.query(
        `SELECT c.closed_at IS NOT NULL AS closed, array_agg(DISTINCT e.status) AS statuses
           FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id WHERE c.id = ANY($1) GROUP BY c.id`,
        [[demoId('cohort:part1-2012'), demoId('cohort:part2-2012')]],
      );
      expect(cohorts).toEqual([
        { closed: true, statuses: ['completed'] },
        { closed: true, statuses: ['completed'] },
      ]);
    });

    it('loads the completions again without changing a row', async () => {
      const snapshot = () => t.dataSource.query(`SELECT to_jsonb(x) AS row FROM enrolment_completions x ORDER BY x.enrolment_id`);
      const before = await snapshot();
      await seedDemo(t.app);
      expect(await snapshot()).toEqual(before);
    });

    it("shows the demo trainee part 1 completed and the later run's criteria still to meet", async () => {
      const agent = t.agent();
      await logIn(agent, 'trainee@kursors.test', DEMO_PASSWORD);
      const page = await agent.get('/my/progress');
      expect(page.status).toBe(200);
      expect(page.text).toContain('1. daļa — 2012. gada rudens');
      expect(page.text).toContain('Pabeigts 2012. gada 21. decembrī.');
      expect(page.text).toContain('1. daļa — 2027. gada pavasaris');
      expect(page.text).toContain('Jāapmeklē vēl 6 nodarbības.');
    });
  });

  describe('the 2012 certificates', () => {
    const part2Certificates = (): Promise<Certificate[]> =>
      t.dataSource.getRepository(Certificate).find({ where: { partId: demoId('part:2') }, order: { serial: 'ASC' } });

    it('has the 20 part 2 certificates issued by the administrator on 28 September 2012, serials DPD-2012/0001 to 0020 in name order', async () => {
      const certificates = await part2Certificates();
      expect(certificates.map((c) => c.serial)).toEqual(Array.from({ length: 20 }, (_, i) => `DPD-2012/${String(i + 1).padStart(4, '0')}`));
      const names = certificates.map((c) => c.holderName);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'lv')));
      expect(names).toContain('Līga Āboliņa');
      const [admin] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'admin@kursors.test'`);
      const enrolments: { id: string }[] = await t.dataSource.query('SELECT id FROM enrolments WHERE cohort_id = $1', [
        demoId('cohort:part2-2012'),
      ]);
      expect(new Set(certificates.map((c) => c.enrolmentIds[0]))).toEqual(new Set(enrolments.map((e) => e.id)));
      for (const c of certificates) {
        expect(c).toMatchObject({ status: 'valid', issuedById: admin.id, language: 'lv', academicHours: 32 });
        expect(c.issuedAt.toISOString()).toBe('2012-09-28T11:00:00.000Z');
      }
      const [counter] = await t.dataSource.query('SELECT year, last_number FROM certificate_serial_counters WHERE programme_id = $1', [
        demoId('programme'),
      ]);
      expect(counter).toEqual({ year: 2012, last_number: 20 });
    });

    it('keeps each one’s real PDF in storage, matching its SHA-256, with the holder’s name and serial in it', async () => {
      const storage = t.app.get(StorageService);
      const certificates = await part2Certificates();
      for (const c of certificates) {
        const pdf = await buffer(storage.openRead(c.fileKey));
        expect([c.serial, createHash('sha256').update(pdf).digest('hex')]).toEqual([c.serial, c.sha256]);
      }
      const first = certificates[0];
      const text = pdfText(await buffer(storage.openRead(first.fileKey)));
      expect(text).toContain('APLIECINĀJUMS');
      expect(text).toContain(first.holderName);
      expect(text).toContain('DPD-2012/0001');
      expect(text).toContain('Projektu vadības specifika dažāda veida projektos');
    });

    it('loads the certificates again without changing a row, and shows them in the cohort’s register', async () => {
      const snapshot = () => t.dataSource.query(`SELECT to_jsonb(x) AS row FROM certificates x ORDER BY x.serial`);
      const before = await snapshot();
      await seedDemo(t.app);
      expect(await snapshot()).toEqual(before);

      const agent = t.agent();
      await logIn(agent, 'admin@kursors.test', DEMO_PASSWORD);
      const register = await agent.get(`/cohorts/${demoId('cohort:part2-2012')}/certificates/register`);
      expect(register.status).toBe(200);
      expect(register.text).toContain('DPD-2012/0001');
      expect(register.text).toContain('DPD-2012/0020');
      expect(register.text).toContain('1–20 no 20 ierakstiem');
    });
  });

  describe('the December exam', () => {
    const EXAM_TABLES = ['question_categories', 'questions', 'question_versions', 'exams', 'exam_results'];
    const snapshot = () =>
      Promise.all(EXAM_TABLES.map((table) => t.dataSource.query(`SELECT to_jsonb(x) AS row FROM ${table} x ORDER BY x.id`)));

    it('loads the exam, its question bank and results again without changing a row', async () => {
      const before = await snapshot();
      await seedDemo(t.app);
      expect(await snapshot()).toEqual(before);
    });

    it('is the part 1 final exam of 14 December 2012 at its sitting, with a bank of every kind and seven released results', async () => {
      const [exam] = await t.dataSource.query(
        `SELECT e.mode, e.released_at IS NOT NULL AS released, s.kind AS session_kind,
                to_char(s.starts_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM-DD HH24:MI') AS at
           FROM exams e JOIN sessions s ON s.id = e.session_id WHERE e.id = $1`,
        [demoId('exam:p1-2012-final')],
      );
      expect(exam).toEqual({ mode: 'in_person', released: true, session_kind: 'exam_sitting', at: '2012-12-14 10:00' });
      const bank: { kind: string; category: string }[] = await t.dataSource.query(
        `SELECT v.body->>'kind' AS kind, c.name AS category FROM questions q
           JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
           JOIN question_categories c ON c.id = q.category_id WHERE q.part_id = $1`,
        [demoId('part:1')],
      );
      expect(bank.length).toBeGreaterThanOrEqual(8);
      expect(bank.length).toBeLessThanOrEqual(12);
      expect(new Set(bank.map((q) => q.kind))).toEqual(new Set(['single', 'multiple', 'truefalse', 'short', 'numeric', 'essay']));
      expect(new Set(bank.map((q) => q.category)).size).toBe(3);
      const results: { name: string; status: string; score: string }[] = await t.dataSource.query(
        `SELECT u.name, r.status, r.score FROM exam_results r JOIN users u ON u.id = r.user_id WHERE r.exam_id = $1 ORDER BY u.name`,
        [demoId('exam:p1-2012-final')],
      );
      expect(results).toHaveLength(7);
      expect(results.find((r) => r.name === 'Kaspars Dūmiņš')).toEqual({ name: 'Kaspars Dūmiņš', status: 'failed', score: '55.00' });
      expect(results.filter((r) => r.status === 'passed')).toHaveLength(6);
    });

    it("gives the demo instructor the exam's results sheet and its printable protocol", async () => {
      const agent = t.agent();
      await logIn(agent, 'instructor@kursors.test', DEMO_PASSWORD);
      const sheet = await agent.get(`/exams/${demoId('exam:p1-2012-final')}/sheet`);
      expect(sheet.status).toBe(200);
      expect(sheet.text).toContain('Marta Ķēniņa');
      const overview = await agent.get(`/exams/${demoId('exam:p1-2012-final')}/marking`);
      expect(overview.status).toBe(200);
      expect(overview.text).toContain(`href="/exams/${demoId('exam:p1-2012-final')}/sheet"`);
      const pdf = await agent
        .get(`/exams/${demoId('exam:p1-2012-final')}/protocol.pdf`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(pdf.status).toBe(200);
      const dir = mkdtempSync(join(tmpdir(), 'demo-protocol-'));
      writeFileSync(join(dir, 'p.pdf'), pdf.body as Buffer);
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('2012. gada 14. decembrī, 10:00');
      expect(text).toContain('Krišjāņa Valdemāra iela 1, Daugavpils, 305. telpa');
      expect(text).toMatch(/Jeļena Kozlova\s+68\s+nokārtots/);
      expect(text).toContain('Dace Ozola');
    });
  });
});
