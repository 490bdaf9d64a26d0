import { startWebApp, TestApp } from './support/app';
import { createInstructor, createTrainee } from './support/factories';
import { logIn } from './support/http';
import { bytes, csvRows, markAttendance, pdfFonts, pdfText, rowValues, xlsxSheet } from './support/report-files';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

const DAY = 86_400_000;

describe('the attendance report', () => {
  let t: TestApp;
  const now = Date.now();

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t?.close());

  /**
   * A cohort counted by hand: three members (a withdrawn and a waiting trainee are not members), three sessions
   * held (two with attendance taken), one cancelled and one ahead.
   *
   *                 s1 (taken)  s2 (taken)  s3 (not taken)   attended / taken   %
   *   Anna          present     present     —                2 / 2              100
   *   Bērziņš       late        absent      —                1 / 2               50 (below 80)
   *   Čakste        excused     (none)      —                0 / 2                0 (below 80)
   *   cohort                                                 3 / 6               50
   *   per session   2 of 3: 66  1 of 3: 33
   */
  async function cohortCountedByHand() {
    const instructor = await createInstructor(t.dataSource, { name: 'Ģirts Šķēle' });
    const programme = await createProgramme(t.dataSource, { titleLv: 'Publiskā iepirkuma pamati' });
    const part = await createPart(t.dataSource, programme, { titleLv: 'Iepirkumu plānošana', minAttendancePercent: 80 });
    const cohort = await createCohort(t.dataSource, part, { name: 'Rudens grupa', instructors: [instructor] });
    const anna = await createTrainee(t.dataSource, { name: 'Anna Ābele', department: 'Finanšu nodaļa' });
    const berzins = await createTrainee(t.dataSource, { name: 'Jānis Bērziņš' });
    const cakste = await createTrainee(t.dataSource, { name: '=HYPERLINK("http://x") Čakste' });
    const withdrawn = await createTrainee(t.dataSource, { name: 'Dace Izstājusies' });
    const waiting = await createTrainee(t.dataSource, { name: 'Egils Gaida' });
    for (const trainee of [anna, berzins, cakste]) await enrol(t.dataSource, cohort, trainee);
    await enrol(t.dataSource, cohort, withdrawn, 'withdrawn');
    await enrol(t.dataSource, cohort, waiting, 'waitlisted');
    const s1 = await createSession(t.dataSource, cohort, {
      title: 'Ievads iepirkumos',
      startsAt: new Date(now - 10 * DAY),
      room: '214. telpa',
    });
    const s2 = await createSession(t.dataSource, cohort, { title: 'Līgumu vadība', startsAt: new Date(now - 5 * DAY) });
    const s3 = await createSession(t.dataSource, cohort, { title: 'Tirgus izpēte', startsAt: new Date(now - 2 * DAY) });
    await createSession(t.dataSource, cohort, {
      title: 'Atcelta',
      startsAt: new Date(now - 3 * DAY),
      status: 'cancelled',
      cancellationReason: 'Slimība',
    });
    await createSession(t.dataSource, cohort, { title: 'Nākamā', startsAt: new Date(now + 5 * DAY) });
    await markAttendance(t.dataSource, s1.id, [
      [anna.id, 'present'],
      [berzins.id, 'late'],
      [cakste.id, 'excused'],
      [withdrawn.id, 'present'],
    ]);
    await markAttendance(t.dataSource, s2.id, [
      [anna.id, 'present'],
      [berzins.id, 'absent'],
    ]);
    return { instructor, cohort, anna, berzins, cakste, s1, s2, s3 };
  }

  it('counts the matrix by the attendance feature’s one rule: held sessions with attendance taken, excused is not attended', async () => {
    const { instructor, cohort, anna, berzins, cakste, s1, s2, s3 } = await cohortCountedByHand();
    const agent = await logIn(t.agent(), instructor.email);
    const report = (await agent.get(`/api/v1/cohorts/${cohort.id}/reports/attendance`).expect(200)).body;
    expect(report.percent).toBe(50);
    expect(report.sessions.map((s: { id: string; recorded: boolean; percent: number | null }) => [s.id, s.recorded, s.percent])).toEqual([
      [s1.id, true, 66],
      [s2.id, true, 33],
      [s3.id, false, null],
    ]);
    const rows = report.trainees.map((r: { userId: string; marks: string[]; percent: number; belowMinimum: boolean }) => [
      r.userId,
      r.marks,
      r.percent,
      r.belowMinimum,
    ]);
    expect(rows).toEqual([
      [cakste.id, ['excused', null, null], 0, true],
      [anna.id, ['present', 'present', null], 100, false],
      [berzins.id, ['late', 'absent', null], 50, true],
    ]);
    // The same numbers as the attendance feature's own summary of the cohort.
    const summary = (await agent.get(`/api/v1/cohorts/${cohort.id}/attendance`).expect(200)).body.items;
    for (const trainee of report.trainees) {
      const own = summary.find((s: { userId: string }) => s.userId === trainee.userId);
      expect([trainee.percent, trainee.recorded, trainee.unmarked]).toEqual([own.percent, own.recorded, own.unmarked]);
    }
  });

  it('shows the matrix, a chart of attendance over time with its table, and links to the signed sheets', async () => {
    const { instructor, cohort, s1 } = await cohortCountedByHand();
    const agent = await logIn(t.agent(), instructor.email);
    const page = await agent.get(`/cohorts/${cohort.id}/reports/attendance`).expect(200);
    expect(page.text).toContain('Apmeklējuma pārskats: Rudens grupa');
    expect(page.text).toContain('<span aria-hidden="true">K</span><span class="visually-hidden">Klāt</span>');
    expect(page.text).toContain('<span class="visually-hidden">Attaisnota prombūtne</span>');
    expect(page.text).toContain('Grupas apmeklējums');
    expect(page.text).toMatch(/<svg[^>]*role="img"/);
    expect(page.text).toContain('<polyline');
    expect(page.text).toMatch(/<th scope="row">\d\d\.\d\d\.<\/th><td>66 %<\/td>/);
    expect(page.text).toContain(`/sessions/${s1.id}/attendance/sheet.pdf`);
    expect(page.text).toContain('Zem minimuma');
    expect(page.text).not.toContain('Dace Izstājusies');
    expect(page.text).not.toContain('Egils Gaida');
  });

  it('exports the matrix as CSV with Latvian letters intact and no formula cells, and as XLSX with numbers as numbers', async () => {
    const { instructor, cohort } = await cohortCountedByHand();
    const agent = await logIn(t.agent(), instructor.email);
    const csv = await bytes(agent.get(`/cohorts/${cohort.id}/reports/attendance/export?format=csv`)).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''apmeklejums%20-%20Rudens%20grupa.csv");
    const rows = csvRows(csv.body as Buffer);
    expect(rows[0][0]).toBe('Dalībnieks');
    expect(rows[0].slice(-2)).toEqual(['Apmeklējums, %', 'Zem minimuma']);
    expect(rows.map((r) => r[0])).toEqual(['Dalībnieks', `'=HYPERLINK("http://x") Čakste`, 'Anna Ābele', 'Jānis Bērziņš', 'Grupa kopā']);
    expect(rows[2].slice(1, 4)).toEqual(['Klāt', 'Klāt', '']);
    expect(rows[3].slice(-2)).toEqual(['50', 'Jā']);
    expect(rows[4].slice(1, 3)).toEqual(['66 %', '33 %']);
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);

    const xlsx = await bytes(agent.get(`/api/v1/cohorts/${cohort.id}/reports/attendance/export?format=xlsx`)).expect(200);
    const sheet = await xlsxSheet(xlsx.body as Buffer);
    expect(rowValues(sheet, 1)[0]).toBe('Dalībnieks');
    const anna = rowValues(sheet, 3);
    expect(anna[0]).toBe('Anna Ābele');
    expect(anna.slice(-9)).toEqual([3, 2, 2, 0, 0, 0, 0, 100, 'Nē']);
    const percentColumn = rowValues(sheet, 1).indexOf('Apmeklējums, %') + 1;
    expect(sheet.getRow(5).getCell(1).value).toBe('Grupa kopā');
    expect(sheet.getRow(5).getCell(percentColumn).value).toBe(50);
  });

  it('prints signed attendance sheets with Latvian letters: a session’s, and every scheduled session of the cohort', async () => {
    const { instructor, cohort, s1 } = await cohortCountedByHand();
    const agent = await logIn(t.agent(), instructor.email);
    const one = await bytes(agent.get(`/sessions/${s1.id}/attendance/sheet.pdf`)).expect(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    const text = pdfText(one.body as Buffer);
    for (const expected of [
      'Apmeklējuma lapa',
      'Publiskā iepirkuma pamati',
      'Iepirkumu plānošana',
      'Rudens grupa',
      'Ievads iepirkumos',
      'Krišjāņa Valdemāra iela 1, Daugavpils, 214. telpa',
      'Ģirts Šķēle',
      'Anna Ābele',
      'Finanšu nodaļa',
      'Jānis Bērziņš',
      'Paraksts',
      'Nokavējās',
      'Eiropas Sociālā fonda',
    ])
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    expect(text).not.toContain('Dace Izstājusies');
    // Every font embedded, as a subset of what the sheet draws.
    const fonts = pdfFonts(one.body as Buffer)
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/DejaVu.*\byes\s+yes\b/);

    const all = pdfText((await bytes(agent.get(`/api/v1/cohorts/${cohort.id}/reports/attendance/sheets.pdf`)).expect(200)).body as Buffer);
    for (const title of ['Ievads iepirkumos', 'Līgumu vadība', 'Tirgus izpēte', 'Nākamā'])
      expect([title, all.includes(title)]).toEqual([title, true]);
    expect(all).not.toContain('Atcelta');
  });

  it('is for the cohort’s staff: its trainee is refused, another cohort’s instructor is told it does not exist', async () => {
    const { cohort, anna, s1 } = await cohortCountedByHand();
    const trainee = await logIn(t.agent(), anna.email);
    expect((await trainee.get(`/api/v1/cohorts/${cohort.id}/reports/attendance`)).status).toBe(403);
    const stranger = await logIn(t.agent(), (await createInstructor(t.dataSource)).email);
    expect((await stranger.get(`/api/v1/cohorts/${cohort.id}/reports/attendance`)).status).toBe(404);
    expect((await stranger.get(`/cohorts/${cohort.id}/reports/attendance/export?format=csv`)).status).toBe(404);
    expect((await stranger.get(`/sessions/${s1.id}/attendance/sheet.pdf`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/cohorts/${cohort.id}/reports/attendance/sheets.pdf`)).status).toBe(404);
  });

  it('names the bad format in the error', async () => {
    const { instructor, cohort } = await cohortCountedByHand();
    const agent = await logIn(t.agent(), instructor.email);
    const res = await agent.get(`/api/v1/cohorts/${cohort.id}/reports/attendance/export?format=pdf`).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['format']);
  });
});
