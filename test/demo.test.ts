import { DEMO_PASSWORD } from '../src/demo/demo-users';
import { seedDemo } from '../src/demo/seed';
import { startWebApp, TestApp } from './support/app';
import { logIn } from './support/http';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
    await t.dataSource.query(`DELETE FROM programmes WHERE agreement_number = '1DP/1.5.2.2.3/11/APIA/SIF/110/71'`);
    await seedDemo(t.dataSource);
  });
  afterAll(() => t.close());

  const count = async (sql: string): Promise<number> => Number((await t.dataSource.query(sql))[0].n);

  it('loads the seed programme again without changing anything', async () => {
    const tables = ['users', 'programmes', 'parts', 'cohorts', 'enrolments', 'sessions', 'attendances', 'session_changes', 'indicators'];
    const before = await Promise.all(tables.map((table) => count(`SELECT count(*) AS n FROM ${table}`)));
    await seedDemo(t.dataSource);
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
});
