import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '../src/common/clock';
import { ReportExport } from '../src/reports/report-export.entity';
import { ReportExportCleanup } from '../src/reports/report-export-cleanup.service';
import { ReportExportRunner } from '../src/reports/report-export-runner.service';
import { StorageService } from '../src/storage/storage.service';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createInstructor, createTrainee } from './support/factories';
import { csrfFrom, logIn } from './support/http';
import { bytes, csvRows, markAttendance, xlsxSheet } from './support/report-files';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

const DAY = 86_400_000;

describe('background exports', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    // Small enough that a cohort of five is "large": it is made in the background.
    process.env.REPORT_INLINE_EXPORT_MAX_CELLS = '20';
    t = await startWebApp();
  });
  afterAll(async () => {
    delete process.env.REPORT_INLINE_EXPORT_MAX_CELLS;
    await worker?.close();
    await t?.close();
  });
  afterEach(() => {
    t.app.get(Clock).set(null);
    worker?.get(Clock).set(null);
  });

  /** Five trainees, three sessions with attendance taken: 6 rows × 13 columns = 78 cells. */
  async function cohortOfFive() {
    const instructor = await createInstructor(t.dataSource);
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, await createProgramme(t.dataSource)), {
      name: 'Liela grupa',
      instructors: [instructor],
    });
    const trainees = [];
    for (const name of ['Ādams Ābols', 'Čaba Čaks', 'Ēvalds Ērglis', 'Ģirts Ģēģers', 'Ņina Ņuša']) {
      const trainee = await createTrainee(t.dataSource, { name });
      await enrol(t.dataSource, cohort, trainee);
      trainees.push(trainee);
    }
    for (const days of [9, 6, 3]) {
      const session = await createSession(t.dataSource, cohort, { startsAt: new Date(Date.now() - days * DAY) });
      await markAttendance(
        t.dataSource,
        session.id,
        trainees.map((trainee) => [trainee.id, 'present']),
      );
    }
    return { instructor, cohort, trainees };
  }

  const exportRow = (id: string) => t.dataSource.getRepository(ReportExport).findOneByOrFail({ id });

  it('refuses a large file in the request and offers to make it in the background; the API answers 413', async () => {
    const { instructor, cohort } = await cohortOfFive();
    const agent = await logIn(t.agent(), instructor.email);
    const page = await agent.get(`/cohorts/${cohort.id}/reports/attendance/export?format=xlsx`).expect(413);
    expect(page.text).toContain('Fails ir par lielu, lai to sagatavotu uzreiz');
    expect(page.text).toContain('Šajā pārskatā ir 78 šūnas');
    expect(page.text).toContain('<form method="post" action="/reports/exports">');
    const api = await agent.get(`/api/v1/cohorts/${cohort.id}/reports/attendance/export?format=csv`).expect(413);
    expect(api.body.code).toBe('EXPORT_TOO_LARGE');
  });

  it('makes it in the background: progress on a page that survives a reload, then a download for whoever asked', async () => {
    const { instructor, cohort } = await cohortOfFive();
    const agent = await logIn(t.agent(), instructor.email);
    const report = await agent.get(`/cohorts/${cohort.id}/reports/attendance`).expect(200);
    const started = await agent
      .post('/reports/exports')
      .type('form')
      .send({ _csrf: csrfFrom(report.text), report: 'attendance', subjectId: cohort.id, format: 'xlsx' })
      .expect(303);
    const path = started.headers.location as string;
    const id = path.split('/').pop()!;
    const waiting = await agent.get(path).expect(200);
    expect(waiting.text).toContain('Eksports sākts');
    expect(waiting.text).toContain('<progress id="export-bar" max="100" value="0">');
    expect(waiting.text).toContain(`<a href="/reports/exports/${id}" class="export-refresh">Atjaunot</a>`);
    expect(waiting.text).toContain('/assets/js/reports.js');
    // Reloading shows the same export, still waiting, until a worker makes it.
    expect((await agent.get(path).expect(200)).text).toContain('Rindā');

    worker = await startWorker();
    const done = await eventually(async () => {
      const state = (await agent.get(`/api/v1/report-exports/${id}`).expect(200)).body;
      return state.status === 'done' && state;
    }, 30_000);
    expect(done).toMatchObject({
      report: 'attendance',
      format: 'xlsx',
      rowsDone: 6,
      rowsTotal: 6,
      percent: 100,
      fileName: 'apmeklejums - Liela grupa.xlsx',
    });
    expect(new Date(done.expiresAt).getTime() - new Date(done.finishedAt).getTime()).toBeGreaterThanOrEqual(24 * 3_600_000 - 60_000);
    const ready = await agent.get(path).expect(200);
    expect(ready.text).toContain(`href="/reports/exports/${id}/download"`);
    expect(ready.text).not.toContain('/assets/js/reports.js');
    const list = await agent.get('/reports/exports').expect(200);
    expect(list.text).toContain('apmeklejums - Liela grupa.xlsx');

    const file = await bytes(agent.get(`/reports/exports/${id}/download`)).expect(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxSheet(file.body);
    expect(sheet.getRow(2).getCell(1).value).toBe('Ādams Ābols');
    expect(sheet.rowCount).toBe(7);

    const stranger = await logIn(t.agent(), (await createInstructor(t.dataSource)).email);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.get(`/api/v1/report-exports/${id}/download`)).status).toBe(404);
  });

  it('is repeat-safe: a job run again does nothing, two runs at once keep one file', async () => {
    const { instructor, cohort } = await cohortOfFive();
    worker ??= await startWorker();
    const runner = worker.get(ReportExportRunner);
    const row = await t.dataSource.getRepository(ReportExport).save({
      requestedById: instructor.id,
      report: 'attendance',
      subjectId: cohort.id,
      format: 'csv',
      language: 'lv',
      params: {},
    });
    const outcomes = await Promise.all([runner.run(row.id), runner.run(row.id)]);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(await runner.run(row.id)).toBe('skipped');
    const finished = await exportRow(row.id);
    expect(finished.status).toBe('done');
    const storage = t.app.get(StorageService);
    expect(await storage.exists(finished.fileKey!)).toBe(true);
    const agent = await logIn(t.agent(), instructor.email);
    const rows = csvRows((await bytes(agent.get(`/api/v1/report-exports/${row.id}/download`)).expect(200)).body);
    expect(rows.map((r) => r[0])).toEqual([
      'Dalībnieks',
      'Ādams Ābols',
      'Čaba Čaks',
      'Ēvalds Ērglis',
      'Ģirts Ģēģers',
      'Ņina Ņuša',
      'Grupa kopā',
    ]);
  });

  it('lets the link expire after a day: the download is gone (410), then the clean-up removes the file and the export', async () => {
    const { instructor, cohort } = await cohortOfFive();
    worker ??= await startWorker();
    const agent = await logIn(t.agent(), instructor.email);
    const report = await agent.get(`/cohorts/${cohort.id}/reports/attendance`);
    const started = await agent
      .post('/api/v1/report-exports')
      .set('X-CSRF-Token', csrfFrom(report.text))
      .send({ report: 'attendance', subjectId: cohort.id, format: 'csv' })
      .expect(201);
    expect(started.body.status).toBe('queued');
    const id = started.body.id as string;
    await eventually(async () => (await exportRow(id)).status === 'done', 30_000);
    const { fileKey } = await exportRow(id);
    const later = new Date(Date.now() + DAY + 60_000);
    t.app.get(Clock).set(later);
    const gone = await agent.get(`/api/v1/report-exports/${id}/download`).expect(410);
    expect(gone.body.code).toBe('EXPORT_EXPIRED');
    expect((await agent.get(`/reports/exports/${id}`).expect(200)).text).toContain('Saite vairs nav derīga');

    worker.get(Clock).set(later);
    const outcome = await worker.get(ReportExportCleanup).run();
    expect(outcome.removed).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.getRepository(ReportExport).countBy({ id })).toBe(0);
    expect(await t.app.get(StorageService).exists(fileKey!)).toBe(false);
    expect((await agent.get(`/reports/exports/${id}`)).status).toBe(404);
  });

  it('queues again an export whose job was lost, and marks failed one that can no longer be read', async () => {
    const { instructor, cohort } = await cohortOfFive();
    worker ??= await startWorker();
    const repo = t.dataSource.getRepository(ReportExport);
    const lost = await repo.save({
      requestedById: instructor.id,
      report: 'gradebook',
      subjectId: cohort.id,
      format: 'xlsx',
      language: 'en',
      params: { show: 'all', sort: 'name', dir: 'asc' },
    });
    await t.dataSource.query(`UPDATE report_exports SET updated_at = now() - interval '20 minutes' WHERE id = $1`, [lost.id]);
    const outcome = await worker.get(ReportExportCleanup).run();
    expect(outcome.requeued).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await exportRow(lost.id)).status === 'done', 30_000);
    expect((await exportRow(lost.id)).fileName).toBe('gradebook - Liela grupa.xlsx');

    const stranger = await createInstructor(t.dataSource);
    const refused = await repo.save({
      requestedById: stranger.id,
      report: 'attendance',
      subjectId: cohort.id,
      format: 'csv',
      language: 'lv',
      params: {},
    });
    await worker
      .get(ReportExportRunner)
      .run(refused.id)
      .catch(() => undefined);
    await t.dataSource.query(`UPDATE report_exports SET updated_at = now() - interval '20 minutes', status = 'queued' WHERE id = $1`, [
      refused.id,
    ]);
    await worker.get(ReportExportCleanup).run();
    await eventually(async () => (await exportRow(refused.id)).status === 'failed', 30_000);
    expect((await exportRow(refused.id)).error).toBe('NOT_FOUND');
    const page = await (await logIn(t.agent(), stranger.email)).get(`/reports/exports/${refused.id}`).expect(200);
    expect(page.text).toContain('Eksportu neizdevās sagatavot');
  });
});
