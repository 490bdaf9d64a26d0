import { Clock } from '../src/common/clock';
import { startWebApp, TestApp } from './support/app';
import { createApiToken } from './support/factories';
import { logIn, unescapeHtml } from './support/http';
import { programmeCountedByHand, REPORTS_READ_AT, type ProgrammeReportWorld } from './support/programme-report-fixture';
import { bytes, csvRows, rowValues, xlsxSheet } from './support/report-files';
import { createProgramme } from './support/schedule-factories';

interface Item {
  metric: string;
  target: number;
  value: number;
  toCome: number;
  notCounted: number;
  percent: number;
  status: string;
}
interface EvidenceRow {
  state: string;
  reason: string | null;
  name: string | null;
  serial: string | null;
  sessionTitle: string | null;
  amount: number;
  cohortName: string | null;
}

describe('indicators an auditor can check, counted by hand', () => {
  let t: TestApp;
  let world: ProgrammeReportWorld;
  let api: (path: string) => Promise<{ status: number; body: never }>;

  beforeAll(async () => {
    t = await startWebApp();
    world = await programmeCountedByHand(t.app, t.dataSource);
    const { secret } = await createApiToken(t.dataSource, world.admin);
    api = async (path) => {
      const res = await t.http().get(path).set('Authorization', `Bearer ${secret}`);
      return { status: res.status, body: res.body as never };
    };
  });
  afterAll(async () => {
    t?.app.get(Clock).set(null);
    await t?.close();
  });

  const byMetric = (items: Item[]) =>
    Object.fromEntries(items.map((i) => [i.metric, [i.value, i.toCome, i.notCounted, i.status]])) as Record<string, unknown[]>;
  const evidence = async (metric: keyof ProgrammeReportWorld['indicators'], query = '') => {
    const res = await api(`/api/v1/programmes/${world.programme.id}/reports/indicators/${world.indicators[metric].id}${query}`);
    expect(res.status).toBe(200);
    return (res.body as { records: EvidenceRow[] }).records;
  };
  const ORDER: Record<string, number> = { counted: 0, to_come: 1, not_counted: 2 };
  /** Each record as [list, reason, label], sorted by list, then label (the API's own order within a list is by date). */
  const sorted = (rows: (string | null)[][]) =>
    [...rows].sort(
      (a, b) => ORDER[a[0]!] - ORDER[b[0]!] || String(a[2]).localeCompare(String(b[2])) || String(a[1]).localeCompare(String(b[1])),
    );
  const lists = (rows: EvidenceRow[], label: (r: EvidenceRow) => string | null = (r) => r.name) => {
    const states = rows.map((r) => ORDER[r.state]);
    expect(states).toEqual([...states].sort());
    return sorted(rows.map((r) => [r.state, r.reason, label(r)]));
  };

  it('counts each indicator over the whole time: value, what is to come, what was not counted, and the status', async () => {
    const res = await api(`/api/v1/programmes/${world.programme.id}/reports/indicators`);
    expect(res.status).toBe(200);
    const body = res.body as { from: null; to: null; items: Item[] };
    expect([body.from, body.to]).toEqual([null, null]);
    expect(byMetric(body.items)).toEqual({
      // 8 people took a place (Anna and Inese twice: counted once); Dace withdrew, Egils waits; 9 free places in 2013.
      trainees_enrolled: [8, 9, 4, 'on_track'],
      // Hugo's only marks are excused and absent; Dace's attendance is a withdrawn trainee's; Jānis's class is ahead.
      trainees_attended: [6, 1, 4, 'met'],
      // Anna (once), Bērziņš (by the retake), Gita (set by hand), Inese (her retake); Fricis and Jānis still can.
      trainees_completed: [4, 2, 5, 'on_track'],
      // Anna's two valid ones; Bērziņš's revoked, Anna's replaced one; five members still to get one: 7 < 8.
      certificates_issued: [2, 5, 2, 'at_risk'],
      sessions_held: [10, 1, 1, 'met'],
      study_visits_held: [1, 0, 0, 'at_risk'],
      seminars_held: [2, 0, 0, 'met'],
      materials_published: [2, 0, 0, 'at_risk'],
    });
    // The programme's own page and API say the same.
    const own = await api(`/api/v1/programmes/${world.programme.id}/indicators`);
    expect(byMetric((own.body as { items: Item[] }).items)).toEqual(byMetric(body.items));
  });

  it('lists exactly who was counted as enrolled, once each, and why the others were not', async () => {
    const rows = await evidence('trainees_enrolled');
    expect(lists(rows, (r) => r.name ?? r.cohortName)).toEqual(
      sorted([
        ['counted', null, 'Anna Ābele'],
        ['counted', null, 'Hugo Hāze'],
        ['counted', null, 'Inese Īve'],
        ['counted', null, '=Čakste Ērika'],
        ['counted', null, 'Fricis Fogels'],
        ['counted', null, 'Gita Gaiļa'],
        ['counted', null, 'Jānis Bērziņš'],
        ['counted', null, 'Jānis Jūrmalnieks'],
        ['to_come', 'free_places', 'Ziemas grupa'],
        ['not_counted', 'counted_once', 'Anna Ābele'],
        ['not_counted', 'withdrawn', 'Dace Dūmiņa'],
        ['not_counted', 'waitlisted', 'Egils Ēķis'],
        ['not_counted', 'counted_once', 'Inese Īve'],
      ]),
    );
    // Anna counts by her first place (spring), her autumn one is "counted once".
    expect(rows.find((r) => r.state === 'counted' && r.name === 'Anna Ābele')!.cohortName).toBe('Pavasara grupa');
    expect(rows.find((r) => r.reason === 'free_places')!.amount).toBe(9);
  });

  it('lists the completions: set by hand marked, a retake counted once, and why the rest did not count', async () => {
    const rows = await evidence('trainees_completed');
    expect(lists(rows)).toEqual(
      sorted([
        ['counted', null, 'Anna Ābele'],
        ['counted', null, 'Inese Īve'],
        ['counted', null, 'Jānis Bērziņš'],
        ['counted', 'set_by_hand', 'Gita Gaiļa'],
        ['to_come', 'in_progress', 'Fricis Fogels'],
        ['to_come', 'in_progress', 'Jānis Jūrmalnieks'],
        ['not_counted', 'not_possible', 'Hugo Hāze'],
        ['not_counted', 'counted_once', 'Inese Īve'],
        ['not_counted', 'withdrawn', 'Dace Dūmiņa'],
        ['not_counted', 'not_possible', '=Čakste Ērika'],
        ['not_counted', 'counted_once', 'Anna Ābele'],
      ]),
    );
    // Inese counts by her retake; her first attempt is listed as counted once.
    expect(rows.filter((r) => r.name === 'Inese Īve').map((r) => [r.state, r.cohortName])).toEqual([
      ['counted', 'Atkārtotā grupa'],
      ['not_counted', 'Pavasara grupa'],
    ]);
  });

  it('does not count excused absences as attendance, nor a withdrawn trainee’s', async () => {
    const rows = await evidence('trainees_attended');
    expect(lists(rows)).toEqual(
      sorted([
        ['counted', null, 'Anna Ābele'],
        ['counted', null, 'Jānis Bērziņš'],
        ['counted', null, '=Čakste Ērika'],
        ['counted', null, 'Fricis Fogels'],
        ['counted', null, 'Gita Gaiļa'],
        ['counted', null, 'Inese Īve'],
        ['to_come', 'planned', 'Jānis Jūrmalnieks'],
        ['not_counted', 'only_excused', 'Hugo Hāze'],
        ['not_counted', 'counted_once', 'Inese Īve'],
        ['not_counted', 'withdrawn', 'Dace Dūmiņa'],
        ['not_counted', 'counted_once', 'Anna Ābele'],
      ]),
    );
  });

  it('counts valid certificates only: a revoked one and a replaced one are listed, not counted', async () => {
    const rows = await evidence('certificates_issued');
    expect(lists(rows)).toEqual(
      sorted([
        ['counted', null, 'Anna Ābele'],
        ['counted', null, 'Anna Ābele'],
        ['to_come', 'awaiting_certificate', 'Inese Īve'],
        ['to_come', 'in_progress', 'Jānis Jūrmalnieks'],
        ['to_come', 'in_progress', 'Fricis Fogels'],
        ['to_come', 'awaiting_certificate', 'Jānis Bērziņš'],
        ['to_come', 'awaiting_certificate', 'Gita Gaiļa'],
        ['not_counted', 'replaced', 'Anna Ābele'],
        ['not_counted', 'revoked', 'Jānis Bērziņš'],
      ]),
    );
    // Each counted or refused one is a certificate with its serial; the replaced one names its replacement.
    const replaced = rows.find((r) => r.reason === 'replaced') as EvidenceRow & { replacedBySerial: string };
    // Within a list, by date: the replacement (1.7.) comes before the part 1 certificate (20.12.).
    expect(replaced.replacedBySerial).toBe(rows[0].serial);
    expect(rows.filter((r) => r.serial).length).toBe(4);
  });

  it('counts held sessions and lists the cancelled one and the one ahead', async () => {
    const rows = await evidence('sessions_held');
    expect(lists(rows, (r) => r.sessionTitle).filter((r) => r[0] !== 'counted')).toEqual([
      ['to_come', 'planned', 'Ievads (ziemas grupa)'],
      ['not_counted', 'cancelled', 'Atceltā nodarbība'],
    ]);
    expect(lists(await evidence('study_visits_held'), (r) => r.sessionTitle)).toEqual([
      ['counted', null, 'Pieredzes brauciens uz Rēzekni'],
    ]);
  });

  it('counts the materials of the programme’s parts and cohorts, alone too', async () => {
    const rows = (await evidence('materials_published')) as (EvidenceRow & { materialTitle: string })[];
    expect(rows.map((r) => [r.state, r.materialTitle])).toEqual([
      ['counted', 'Semināra foto'],
      ['counted', 'Metodiskais materiāls: projektu vadība'],
    ]);
    // A programme whose only indicator counts materials: its statement takes every parameter the others take.
    const other = await createProgramme(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO indicators (programme_id, name_lv, metric, target) VALUES ($1, 'Materiāli', 'materials_published', 1)`,
      [other.id],
    );
    const alone = await api(`/api/v1/programmes/${other.id}/reports/indicators`);
    expect(alone.status).toBe(200);
    expect(byMetric((alone.body as { items: Item[] }).items)).toEqual({ materials_published: [0, 0, 0, 'at_risk'] });
  });

  it('counts in a range of Riga days: each record by its own date, and nothing to come outside the range', async () => {
    const res = await api(`/api/v1/programmes/${world.programme.id}/reports/indicators?from=2012-09-01&to=2012-12-31`);
    expect(res.status).toBe(200);
    expect(byMetric((res.body as { items: Item[] }).items)).toMatchObject({
      // Only Jānis (1.12.) and Inese's retake (15.9.) took their places in the autumn; the 2013 places are outside.
      trainees_enrolled: [2, 0, 0, 'at_risk'],
      // Anna's spring completion is outside; Fricis can still complete before the range ends.
      trainees_completed: [4, 1, 2, 'at_risk'],
      certificates_issued: [1, 4, 1, 'at_risk'],
      sessions_held: [8, 0, 1, 'at_risk'],
      seminars_held: [1, 0, 0, 'met'],
    });
    const rows = await evidence('trainees_completed', '?from=2012-09-01&to=2012-12-31');
    expect(rows.find((r) => r.state === 'counted' && r.name === 'Anna Ābele')!.cohortName).toBe('Rudens grupa');
    // The range's last day is included: the exam sitting on 19.12. counts up to and with 19.12., not before.
    const upTo = async (to: string) =>
      byMetric(((await api(`/api/v1/programmes/${world.programme.id}/reports/indicators?to=${to}`)).body as { items: Item[] }).items)
        .sessions_held[0];
    expect([await upTo('2012-12-18'), await upTo('2012-12-19')]).toEqual([9, 10]);
  });

  it('refuses a range that ends before it starts, or a day that does not exist, naming the field', async () => {
    const backwards = await api(`/api/v1/programmes/${world.programme.id}/reports/indicators?from=2012-12-01&to=2012-11-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'to', code: 'toBeforeFrom' }] });
    const badDay = await api(`/api/v1/programmes/${world.programme.id}/reports/indicators?from=2012-02-30`);
    expect(badDay.status).toBe(400);
    expect((badDay.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['from']);

    const agent = await logIn(t.agent(), world.admin.email);
    const page = await agent.get(`/admin/programmes/${world.programme.id}/reports?from=2012-12-01&to=2012-11-01`);
    expect(page.status).toBe(422);
    expect(page.text).toContain('Beigu datums nevar būt agrāks par sākuma datumu.');
    expect(page.text).toContain('value="2012-11-01"');
    expect(page.text).not.toContain('indicators-chart');
  });

  it('shows the indicators page with each status, a chart against the targets, and links to the records', async () => {
    const agent = await logIn(t.agent(), world.admin.email);
    const page = await agent.get(`/admin/programmes/${world.programme.id}/reports?from=2012-09-01&to=2012-12-31`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Rādītāji un pabeigšanas piltuve: Daugavpils pašvaldības darbinieku kursu cikls');
    expect(page.text).toContain('2012. gada 1. septembris – 31. decembris');
    // The filter's hint is said once, not again under each of its two dates.
    expect(page.text.split('Datumi pēc Rīgas laika, abas dienas ieskaitot').length - 1).toBe(1);
    expect(page.text).toContain('<span class="badge badge-danger">Apdraudēts</span>');
    expect(page.text).toContain('<span class="badge badge-ok">Sasniegts</span>');
    expect(page.text).toMatch(/<svg[^>]*role="img"/);
    expect(unescapeHtml(page.text)).toContain(
      `href="/admin/programmes/${world.programme.id}/reports/indicators/${world.indicators.sessions_held.id}?from=2012-09-01&to=2012-12-31"`,
    );
    const records = await agent.get(
      `/admin/programmes/${world.programme.id}/reports/indicators/${world.indicators.certificates_issued.id}?from=2012-09-01&to=2012-12-31`,
    );
    expect(records.status).toBe(200);
    expect(records.text).toContain('Kas ieskaitīts: Izsniegtie apliecinājumi');
    expect(records.text).toContain('Atsaukta');
    expect(records.text).toContain('atsaukta 2012. gada 21. decembrī: Izsniegta kļūdas dēļ');
  });

  it('exports an indicator’s records for the auditor: CSV with Latvian letters and no formula cells, XLSX with dates as dates', async () => {
    const agent = await logIn(t.agent(), world.admin.email);
    const path = `/admin/programmes/${world.programme.id}/reports/indicators/${world.indicators.trainees_completed.id}/export`;
    const csv = await bytes(agent.get(`${path}?format=csv`)).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = csvRows(csv.body as Buffer);
    expect(rows[0].slice(0, 5)).toEqual(['Statuss', 'Iemesls', 'Datums', 'Dalībnieks', 'E-pasts']);
    expect(rows).toHaveLength(12);
    expect(rows[1].slice(0, 4)).toEqual(['Ieskaitīts', '', '2012-06-21', 'Anna Ābele']);
    expect(rows.find((r) => r[3].includes('Čakste'))!.slice(0, 4)).toEqual([
      'Nav ieskaitīts',
      'Pabeigt vairs nav iespējams',
      '2012-12-14',
      "'=Čakste Ērika",
    ]);
    expect(rows.find((r) => r[3] === 'Gita Gaiļa')![1]).toBe('Pabeigšanu atzīmējis administrators');

    const xlsx = await bytes(agent.get(`${path}?format=xlsx`)).expect(200);
    const sheet = await xlsxSheet(xlsx.body as Buffer);
    // No reason: an empty cell.
    expect(rowValues(sheet, 2).slice(0, 4)).toEqual(['Ieskaitīts', undefined, new Date(Date.UTC(2012, 5, 21)), 'Anna Ābele']);
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.rowCount).toBe(12);

    const summary = await bytes(
      agent.get(`/admin/programmes/${world.programme.id}/reports/indicators/export?format=xlsx&from=2012-09-01`),
    ).expect(200);
    const indicators = await xlsxSheet(summary.body as Buffer);
    // From 1 September on: Anna (autumn), Bērziņš, Gita, Inese's retake; Fricis and Jānis to come; Čakste and Dace not.
    expect(rowValues(indicators, 4).slice(0, 8)).toEqual([
      'Apmācīti pašvaldības darbinieki',
      'Apmācāmie, kas pabeiguši mācības',
      6,
      4,
      2,
      2,
      66,
      'Ceļā uz mērķi',
    ]);
    expect(rowValues(indicators, 2)[8]).toEqual(new Date(Date.UTC(2012, 8, 1)));
  });

  it('keeps every indicator for administrators: an instructor and a trainee are refused', async () => {
    const instructor = await logIn(t.agent(), world.instructor.email);
    expect((await instructor.get(`/admin/programmes/${world.programme.id}/reports`)).status).toBe(403);
    expect((await instructor.get(`/api/v1/programmes/${world.programme.id}/reports/indicators`)).status).toBe(403);
    const trainee = await logIn(t.agent(), world.people.anna.email);
    expect(
      (await trainee.get(`/api/v1/programmes/${world.programme.id}/reports/indicators/${world.indicators.sessions_held.id}`)).status,
    ).toBe(403);
    // Nor through a background export.
    const started = await trainee.post('/api/v1/report-exports').send({ report: 'indicators', subjectId: world.programme.id });
    expect(started.status).toBe(403);
    // An indicator of another programme is not found under this one.
    const admin = await logIn(t.agent(), world.admin.email);
    const other = await admin.get(`/api/v1/programmes/${world.part1.id}/reports/indicators/${world.indicators.sessions_held.id}`);
    expect(other.status).toBe(404);
    expect(t.app.get(Clock).now()).toEqual(REPORTS_READ_AT);
  });
});
