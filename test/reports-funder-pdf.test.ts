import type { INestApplicationContext } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Clock } from '../src/common/clock';
import { StorageService } from '../src/storage/storage.service';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createAdmin, createApiToken } from './support/factories';
import { logoPng } from './support/files';
import { apiClient, bytes, logIn, postForm, type ApiCall } from './support/http';
import { pdfImages, pdfInfo, pdfText, pdfWords } from './support/pdf-tools';
import { programmeCountedByHand, REPORTS_READ_AT, type ProgrammeReportWorld } from './support/programme-report-fixture';

interface ExportBody {
  id: string;
  status: string;
  report: string;
  format: string;
  rowsDone: number;
  rowsTotal: number | null;
  fileName: string | null;
}

describe('the funder report of a programme as one PDF', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let world: ProgrammeReportWorld;
  let api: ApiCall;
  let serials: Record<string, string>;

  beforeAll(async () => {
    t = await startWebApp();
    world = await programmeCountedByHand(t.app, t.dataSource);
    const logo = await t.app.get(StorageService).write(Readable.from([logoPng(330, 110, { alpha: true })]), 'logo');
    await t.dataSource.query(`UPDATE programmes SET logo_key = $2, logo_mime_type = 'image/png' WHERE id = $1`, [
      world.programme.id,
      logo.key,
    ]);
    api = apiClient(t, (await createApiToken(t.dataSource, world.admin)).secret);
    worker = await startWorker();
    worker.get(Clock).set(REPORTS_READ_AT);
    const rows: { serial: string; holder_name: string; status: string }[] = await t.dataSource.query(
      'SELECT serial, holder_name, status FROM certificates WHERE programme_id = $1 ORDER BY serial',
      [world.programme.id],
    );
    serials = Object.fromEntries(rows.map((r) => [`${r.holder_name} ${r.status}`, r.serial]));
    // The hand-counted programme and a worker: more than Jest's 30 s when the machine is busy.
  }, 120_000);
  afterAll(async () => {
    worker?.get(Clock).set(null);
    t?.app.get(Clock).set(null);
    await worker?.close();
    await t?.close();
  });

  /** Waits for the export to be made, then downloads it. */
  async function finished(call: ApiCall, id: string): Promise<{ state: ExportBody; pdf: Buffer }> {
    const state = await eventually(async () => {
      const body = (await call('get', `/api/v1/report-exports/${id}`).expect(200)).body as ExportBody;
      if (body.status === 'failed') throw new Error(`The export failed: ${JSON.stringify(body)}`);
      return body.status === 'done' && body;
    }, 60_000);
    const file = await bytes(call('get', `/api/v1/report-exports/${id}/download`)).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    return { state, pdf: file.body as Buffer };
  }

  const start = (call: ApiCall, body: Record<string, unknown>) => call('post', '/api/v1/report-exports').send(body);

  it('is made in the background from the reports page’s form: every section, Latvian letters intact, numbered pages', async () => {
    const agent = await logIn(t.agent(), world.admin.email);
    const reportsPage = `/admin/programmes/${world.programme.id}/reports`;
    const started = await postForm(
      agent,
      '/reports/exports',
      { report: 'funder', subjectId: world.programme.id, format: 'pdf' },
      reportsPage,
    );
    expect(started.status).toBe(303);
    const id = (started.headers.location as string).split('/').pop()!;
    const { state, pdf } = await finished(api, id);

    expect(state).toMatchObject({
      report: 'funder',
      format: 'pdf',
      fileName: 'parskats-finansetajam - Daugavpils pašvaldības darbinieku kursu cikls.pdf',
    });
    expect(state.rowsTotal).toBeGreaterThan(20);
    expect(state.rowsDone).toBe(state.rowsTotal);

    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Pārskats finansētājam: Daugavpils pašvaldības darbinieku kursu cikls');
    expect(info.Author).toBe('Daugavpils pilsētas dome');
    expect(info['Page size']).toContain('(A4)');
    expect(pdf.toString('latin1')).toContain('/Lang (lv-LV)');
    expect(pdfImages(pdf)).toBeGreaterThanOrEqual(1);

    const words = pdfWords(pdf);
    // The title page: the project, the funder, the key facts and the publicity statement.
    for (const text of [
      'Pārskats finansētājam',
      'Pašvaldības darbinieku kompetenču paaugstināšana (1DP/1.5.2.2.3/11/APIA/SIF/110/71)',
      'Finansētājs: Eiropas Sociālais fonds',
      'Programmas daļas: 1. Projektu vadība; 2. Projektu vadības specifika dažāda veida projektos',
      'Grupas periodā: 4',
      'Grupu norises laiks: 2012. gada 2. maijs – 2013. gada 1. marts',
      'Pārskata periods: Viss laiks',
      'Sagatavots: 2012. gada 21. decembrī plkst. 12:00',
      'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu.',
    ])
      expect(words).toContain(text);
    // Each section, in order.
    const sections = [
      'Sagaidāmie rezultāti',
      'Pabeigšanas piltuve',
      'Skaiti pa programmas daļām',
      'Programmas grupas',
      'Apliecību reģistrs',
    ];
    const at = sections.map((s) => words.indexOf(s, words.indexOf('Sagatavots:')));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    const lines = pdfText(pdf, true).split('\n');
    /** The cells of the table row that starts with this text (a chart's label stands alone on its line). */
    const line = (start: string) =>
      lines
        .filter((l) => l.trim().startsWith(start))
        .map((l) => l.trim().split(/\s{2,}/))
        .find((cells) => cells.length > 1);
    // Indicators: target, value, share of the target, to come, status (as the indicators page counts them).
    expect(line('Notikušās nodarbības')).toEqual(['Notikušās nodarbības', '10', '10', '100 %', '1', 'Sasniegts']);
    expect(line('Izsniegtie apliecinājumi')).toEqual(['Izsniegtie apliecinājumi', '8', '2', '25 %', '5', 'Apdraudēts']);
    expect(line('Apmācīti pašvaldības darbinieki')).toEqual(['Apmācīti pašvaldības darbinieki', '6', '4', '66 %', '2', 'Ceļā uz mērķi']);
    // The funnel drawn (its labels and values) and in numbers: reached, of enrolled, of the stage before, stopped here.
    expect(words).toContain('Ārpus piltuves: izstājušies — 1, rindā gaida — 1.');
    expect(words).toContain('Pabeiguši 5 (55 %)');
    expect(line('Ieskaitīti obligātie darbi')).toEqual(['Ieskaitīti obligātie darbi', '5', '55 %', '83 %', '0']);
    expect(line('Saņēmuši apliecinājumu')).toEqual(['Saņēmuši apliecinājumu', '2', '22 %', '40 %', '2']);
    // Per part: a column for each part and the total.
    expect(words).toContain('1. daļa 2. daļa Kopā Uzņemti 6 3 9');
    expect(words).toContain('Grupas 2 2 4');
    expect(line('Izstājušies')).toEqual(['Izstājušies', '1', '0', '1']);
    // The cohorts and the register.
    expect(words).toContain('Atkārtotā grupa 2012. gada 1. oktobris – 30. novembris 1');
    // Serial, holder, part (as printed), issue date and status.
    const valid = serials['Anna Ābele-Ozola valid'];
    const part2 = 'Projektu vadības specifika dažāda veida projektos';
    expect(words).toContain(`${valid} Anna Ābele-Ozola ${part2} 2012-07-01 Derīga`);
    expect(words).toContain(`${serials['Anna Ābele replaced']} Anna Ābele ${part2} 2012-06-25 Aizstāta ar ${valid}`);
    expect(words).toContain(`${serials['Jānis Bērziņš revoked']} Jānis Bērziņš Projektu vadība 2012-12-20 Atsaukta`);
    // Every page numbered "n. lpp. no N".
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(words).toContain(`${page}. lpp. no ${pages}`);
  });

  it('covers a range of days: indicators counted in it, the cohorts starting in it, the certificates issued in it', async () => {
    const res = await start(api, { report: 'funder', subjectId: world.programme.id, from: '2012-09-01', to: '2012-12-31' }).expect(201);
    expect((res.body as ExportBody).format).toBe('pdf');
    const { pdf } = await finished(api, (res.body as ExportBody).id);
    const words = pdfWords(pdf);
    expect(words).toContain('Pārskata periods: 2012. gada 1. septembris – 31. decembris');
    expect(words).toContain('Grupas periodā: 2');
    const lines = pdfText(pdf, true).split('\n');
    expect(
      lines
        .find((l) => l.trim().startsWith('Notikušās nodarbības'))
        ?.trim()
        .split(/\s{2,}/),
    ).toEqual(['Notikušās nodarbības', '10', '8', '80 %', '0', 'Apdraudēts']);
    expect(words).toContain(serials['Jānis Bērziņš revoked']);
    expect(words).not.toContain(serials['Anna Ābele-Ozola valid']);
    expect(words).not.toContain('Pavasara grupa');
  });

  it('is written in English for an administrator who reads English', async () => {
    const admin = await createAdmin(t.dataSource, { language: 'en' });
    const english = apiClient(t, (await createApiToken(t.dataSource, admin)).secret);
    const res = await start(english, { report: 'funder', subjectId: world.programme.id }).expect(201);
    const { state, pdf } = await finished(english, (res.body as ExportBody).id);
    expect(state.fileName).toBe('funder-report - Course cycle for Daugavpils municipal staff.pdf');
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Report to the funder: Course cycle for Daugavpils municipal staff');
    expect(info.Author).toBe('Daugavpils City Council');
    expect(pdf.toString('latin1')).toContain('/Lang (en-GB)');
    const words = pdfWords(pdf);
    for (const text of [
      'Expected results',
      'Completion funnel',
      'Counts per part of the programme',
      'Certificate register',
      'Reporting period: All time',
    ])
      expect(words).toContain(text);
    expect(words).toContain(`Page 1 of ${info.Pages}`);
    // Names stay as written.
    expect(words).toContain('Anna Ābele-Ozola');
  });

  it('is for administrators only, as a PDF only; another report is not made as a PDF', async () => {
    const instructor = apiClient(t, (await createApiToken(t.dataSource, world.instructor)).secret);
    expect((await start(instructor, { report: 'funder', subjectId: world.programme.id })).status).toBe(403);
    const asTable = await start(api, { report: 'funder', subjectId: world.programme.id, format: 'xlsx' }).expect(400);
    expect(asTable.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'format', code: 'formatNotOffered' }] });
    const gradebookPdf = await start(api, { report: 'gradebook', subjectId: world.autumn.id, format: 'pdf' }).expect(400);
    expect(gradebookPdf.body).toMatchObject({ errors: [{ field: 'format', code: 'formatNotOffered' }] });
    const backwards = await start(api, { report: 'funder', subjectId: world.programme.id, from: '2012-12-01', to: '2012-11-01' }).expect(
      400,
    );
    expect(backwards.body).toMatchObject({ errors: [{ field: 'to', code: 'toBeforeFrom' }] });
    expect((await start(api, { report: 'funder', subjectId: world.autumn.id })).status).toBe(404);
  });
});
