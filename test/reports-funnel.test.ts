import { Clock } from '../src/common/clock';
import { startWebApp, TestApp } from './support/app';
import { logIn, unescapeHtml } from './support/http';
import { programmeCountedByHand, type ProgrammeReportWorld } from './support/programme-report-fixture';
import { bytes, csvRows, rowValues, xlsxSheet } from './support/report-files';

interface Stage {
  stage: string;
  required: boolean;
  reached: number;
  here: number;
  percent: number;
  percentOfPrevious: number;
}
interface Person {
  name: string;
  stage: string;
  here: boolean;
  cohortName: string;
  enrolments: number;
  setByHand: boolean;
  serial: string | null;
}
interface FunnelBody {
  level: string;
  stages: Stage[];
  outside: { name: string; status: string }[];
  people: Person[] | null;
}

describe('the completion funnel, counted by hand', () => {
  let t: TestApp;
  let world: ProgrammeReportWorld;
  let admin: ReturnType<TestApp['agent']>;

  beforeAll(async () => {
    t = await startWebApp();
    world = await programmeCountedByHand(t.app, t.dataSource);
    admin = await logIn(t.agent(), world.admin.email);
  });
  afterAll(async () => {
    t?.app.get(Clock).set(null);
    await t?.close();
  });

  const funnel = async (path: string, agent = admin) => {
    const res = await agent.get(path);
    expect(res.status).toBe(200);
    return res.body as FunnelBody;
  };
  /** [stage, reached, here, % of enrolled] */
  const counts = (body: FunnelBody) => body.stages.map((s) => [s.stage, s.reached, s.here, s.percent]);
  const who = (body: FunnelBody) =>
    body.people!.map((p) => [p.name, p.stage, p.here]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('counts a programme: each trainee once per part, at the furthest stage reached; withdrawn and waiting outside', async () => {
    const body = await funnel(`/api/v1/programmes/${world.programme.id}/reports/funnel`);
    // Part 1: Anna certified, Bērziņš completed (his certificate revoked), Gita completed by hand, Fricis stopped at
    // attendance (work not graded), Čakste at enrolled (excused twice: 2 of 4), Jānis at enrolled (not started).
    // Part 2: Anna certified, Inese completed on her retake, Hugo at enrolled.
    expect(counts(body)).toEqual([
      ['enrolled', 9, 3, 100],
      ['attendance', 6, 1, 66],
      ['work', 5, 0, 55],
      ['exam', 5, 0, 55],
      ['completed', 5, 3, 55],
      ['certified', 2, 2, 22],
    ]);
    expect(body.stages.every((s) => s.required)).toBe(true);
    expect(body.outside.map((o) => [o.name, o.status])).toEqual([
      ['Egils Ēķis', 'waitlisted'],
      ['Dace Dūmiņa', 'withdrawn'],
    ]);
    expect(body.people).toBeNull();
  });

  it('shows who reached a stage and who stopped there', async () => {
    const body = await funnel(`/api/v1/programmes/${world.programme.id}/reports/funnel?stage=completed`);
    expect(who(body)).toEqual([
      ['Anna Ābele', 'certified', false],
      ['Anna Ābele', 'certified', false],
      ['Gita Gaiļa', 'completed', true],
      ['Inese Īve', 'completed', true],
      ['Jānis Bērziņš', 'completed', true],
    ]);
    expect(body.people!.find((p) => p.name === 'Gita Gaiļa')!.setByHand).toBe(true);
    const attendance = await funnel(`/api/v1/programmes/${world.programme.id}/reports/funnel?stage=attendance`);
    expect(attendance.people!.filter((p) => p.here).map((p) => p.name)).toEqual(['Fricis Fogels']);
  });

  it('counts a part: a retake once, at the furthest of the trainee’s enrolments; a stage the rule lacks is passed through', async () => {
    const body = await funnel(`/api/v1/parts/${world.part2.id}/reports/funnel?stage=enrolled`);
    expect(counts(body)).toEqual([
      ['enrolled', 3, 1, 100],
      ['attendance', 2, 0, 66],
      ['work', 2, 0, 66],
      ['exam', 2, 0, 66],
      ['completed', 2, 1, 66],
      ['certified', 1, 1, 33],
    ]);
    expect(body.stages.map((s) => [s.stage, s.required])).toEqual([
      ['enrolled', true],
      ['attendance', true],
      ['work', false],
      ['exam', false],
      ['completed', true],
      ['certified', true],
    ]);
    const inese = body.people!.find((p) => p.name === 'Inese Īve')!;
    expect([inese.stage, inese.cohortName, inese.enrolments]).toEqual(['completed', 'Atkārtotā grupa', 2]);
  });

  it('takes the cohorts starting in a range of Riga days', async () => {
    const body = await funnel(`/api/v1/programmes/${world.programme.id}/reports/funnel?from=2012-09-01&to=2012-12-31`);
    // The autumn cohort and Inese's retake; spring (2.5.) and winter (7.1.2013) start outside.
    expect(counts(body).map((c) => c[1])).toEqual([6, 5, 4, 4, 4, 1]);
    const none = await funnel(`/api/v1/programmes/${world.programme.id}/reports/funnel?from=2013-06-01`);
    expect(counts(none).map((c) => c[1])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('shows a cohort’s funnel to its instructor, with the people of a stage one click away; no one else’s', async () => {
    const instructor = await logIn(t.agent(), world.instructor.email);
    const body = await funnel(`/api/v1/cohorts/${world.autumn.id}/reports/funnel?stage=enrolled`, instructor);
    expect(counts(body)).toEqual([
      ['enrolled', 5, 1, 100],
      ['attendance', 4, 1, 80],
      ['work', 3, 0, 60],
      ['exam', 3, 0, 60],
      ['completed', 3, 2, 60],
      ['certified', 1, 1, 20],
    ]);
    expect(who(body)).toEqual(
      [
        ['=Čakste Ērika', 'enrolled', true],
        ['Anna Ābele', 'certified', false],
        ['Fricis Fogels', 'attendance', false],
        ['Gita Gaiļa', 'completed', false],
        ['Jānis Bērziņš', 'completed', false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    const page = await instructor.get(`/cohorts/${world.autumn.id}/reports/funnel?stage=attendance`);
    expect(page.status).toBe(200);
    const html = unescapeHtml(page.text);
    expect(html).toContain('Pabeigšanas piltuve: Rudens grupa');
    expect(html).toContain('<figure class="chart" data-kind="funnel">');
    expect(html).toContain(`href="/cohorts/${world.autumn.id}/reports/funnel?stage=exam#people"`);
    expect(html).toContain('Kas sasniedza posmu “Izpildīts apmeklējuma minimums”');
    expect(html).toContain('Fricis Fogels');
    expect(html).not.toContain('=Čakste Ērika</th>');
    expect(html).toContain('Ārpus piltuves: izstājušies — 1, rindā gaida — 1.');

    // Not the programme's or the part's, and not another instructor's cohort.
    expect((await instructor.get(`/admin/programmes/${world.programme.id}/reports/funnel`)).status).toBe(403);
    expect((await instructor.get(`/api/v1/parts/${world.part1.id}/reports/funnel`)).status).toBe(403);
    const other = await logIn(t.agent(), world.otherInstructor.email);
    expect((await other.get(`/api/v1/cohorts/${world.autumn.id}/reports/funnel`)).status).toBe(404);
    expect((await other.get(`/cohorts/${world.autumn.id}/reports/funnel`)).status).toBe(404);
    // A trainee of the cohort sees no funnel.
    const trainee = await logIn(t.agent(), world.people.anna.email);
    expect((await trainee.get(`/api/v1/cohorts/${world.autumn.id}/reports/funnel`)).status).toBe(403);
    expect((await trainee.get(`/cohorts/${world.autumn.id}/reports/funnel/export?format=csv`)).status).toBe(403);
  });

  it('shows a programme’s funnel page with its parts, and a part’s with its cohorts, each stage linking to its people', async () => {
    const programme = unescapeHtml((await admin.get(`/admin/programmes/${world.programme.id}/reports/funnel?stage=certified`)).text);
    expect(programme).toContain('Pabeigšanas piltuve: Daugavpils pašvaldības darbinieku kursu cikls');
    expect(programme).toContain(`<a href="/admin/parts/${world.part1.id}/reports/funnel">1. Projektu vadība</a>`);
    expect(programme).toMatch(/1\. Projektu vadība<\/a><\/th><td>6<\/td><td>4<\/td><td>3<\/td><td>3<\/td><td>3<\/td><td>1<\/td>/);
    expect(programme).toContain('2 dalībnieki sasniedza posmu “Saņēmuši apliecinājumu”');
    const part = unescapeHtml((await admin.get(`/admin/parts/${world.part2.id}/reports/funnel`)).text);
    expect(part).toContain(`<a href="/cohorts/${world.retake.id}/reports/funnel">Atkārtotā grupa</a>`);
    expect(part).toContain('(daļas nosacījumos nav)');

    const refused = await admin.get(`/admin/parts/${world.part2.id}/reports/funnel?stage=everyone`);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Izvēlieties vienu no: enrolled, attendance, work, exam, completed, certified.');
  });

  it('exports who is where: a row per trainee and part with each stage as yes or no', async () => {
    const csv = await bytes(admin.get(`/admin/programmes/${world.programme.id}/reports/funnel/export?format=csv`)).expect(200);
    const rows = csvRows(csv.body as Buffer);
    expect(rows[0]).toEqual([
      'Dalībnieks',
      'E-pasts',
      'Daļa',
      'Grupa',
      'Tālākais posms',
      'Pabeigts',
      'Atzīmējis administrators',
      'Apliecinājums',
      'Dalības daļā',
      'Uzņemti',
      'Izpildīts apmeklējuma minimums',
      'Ieskaitīti obligātie darbi',
      'Nokārtots eksāmens',
      'Pabeiguši',
      'Saņēmuši apliecinājumu',
    ]);
    expect(rows).toHaveLength(10);
    const fricis = rows.find((r) => r[0] === 'Fricis Fogels')!;
    expect([fricis[2], fricis[4], ...fricis.slice(9)]).toEqual([
      '1. Projektu vadība',
      'Izpildīts apmeklējuma minimums',
      'Jā',
      'Jā',
      'Nē',
      'Nē',
      'Nē',
      'Nē',
    ]);
    expect(rows.find((r) => r[0].includes('Čakste'))![0]).toBe("'=Čakste Ērika");

    const xlsx = await bytes(admin.get(`/api/v1/parts/${world.part2.id}/reports/funnel/export?format=xlsx`)).expect(200);
    const sheet = await xlsxSheet(xlsx.body as Buffer);
    const inese = [2, 3, 4].map((n) => rowValues(sheet, n)).find((r) => r[0] === 'Inese Īve')!;
    expect(inese[5]).toEqual(new Date(Date.UTC(2012, 10, 30)));
    expect(inese[8]).toBe(2);
  });
});
