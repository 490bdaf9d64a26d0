import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import type { z } from 'zod';
import { attendanceSummaryListBody } from '../src/attendance/attendance.responses';
import { cohortBody, enrolmentListBody } from '../src/cohorts/cohort.responses';
import { indicatorListBody, programmeListBody, programmeWithPartsBody } from '../src/programmes/programme.responses';
import { funnelBody, indicatorEvidenceBody, indicatorsReportBody } from '../src/reports/programme-reports.responses';
import { attendanceReportBody, gradebookBody, reportExportListBody, traineeRecordBody } from '../src/reports/reports.responses';
import { sessionPageBody, sessionWithHistoryBody } from '../src/sessions/session.responses';
import { userResponseSchema } from '../src/users/user.responses';
import { serveWebApp, type ServedApp } from './support/browser';
import { createAdmin, createApiToken, createInstructor, createTrainee } from './support/factories';
import { createCohort, createPart, createProgramme, createSession, enrol } from './support/schedule-factories';

const run = promisify(execFile);
const TOOLS = join(__dirname, 'support', 'openapi-tools.mjs');
// Inside the project, so the compiled client finds openapi-fetch in node_modules.
const WORK = join(__dirname, '..', 'node_modules', '.cache', `kursors-openapi-client-${process.pid}`);

type Problem = { rule: string; severity: 'error' | 'warn'; message: string; at: string };
type Operation = {
  summary?: string;
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string; type?: string } }> }>;
};

/** What the outside client does, written against the generated types: tsc refuses it if the document is wrong. */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { components, paths } from './api';

type Programme = components['schemas']['ProgrammeSummary'];
type Session = components['schemas']['Session'];
type ApiError = components['schemas']['Error'];

export async function tour(baseUrl: string, adminToken: string, traineeToken: string, cohortId: string) {
  const admin = createClient<paths>({ baseUrl, headers: { Authorization: 'Bearer ' + adminToken } });
  const trainee = createClient<paths>({ baseUrl, headers: { Authorization: 'Bearer ' + traineeToken } });

  const me = await admin.GET('/api/v1/me');
  const programmes = await admin.GET('/api/v1/programmes');
  const titles: string[] = (programmes.data?.items ?? []).map((p: Programme) => p.titleLv + ' / ' + p.project.funder);
  const schedule = await admin.GET('/api/v1/cohorts/{cohortId}/sessions', { params: { path: { cohortId }, query: { page: 1, pageSize: 10 } } });
  const sessions: Session[] = schedule.data?.items ?? [];
  const mine = await trainee.GET('/api/v1/me/sessions');
  const refused = await admin.POST('/api/v1/programmes', {
    body: {
      titleLv: 'Projektu vadība',
      projectTitle: 'Darbinieku kompetenču pilnveide',
      agreementNumber: 'Nr. 1',
      funder: 'ESF',
      cofinancingPercent: 150,
      partners: [],
      fundingStatement: 'Finansē ESF.',
    },
  });
  const error: ApiError | undefined = refused.error;
  const forbidden = await trainee.GET('/api/v1/programmes');

  return {
    me: { status: me.response.status, email: me.data?.email },
    titles,
    schedule: { status: schedule.response.status, total: schedule.data?.total, titles: sessions.map((s) => s.title + ' ' + s.startsAt) },
    mine: mine.data?.items.map((s) => s.cohortName ?? '') ?? [],
    refused: { status: refused.response.status, code: error?.code, fields: error?.errors?.map((e) => e.field + ': ' + e.message) ?? [] },
    forbidden: { status: forbidden.response.status, code: forbidden.error?.code },
  };
}
`;

function compile(files: string[], outDir: string): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    outDir,
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the OpenAPI document', () => {
  let t: ServedApp;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  let docFile: string;

  beforeAll(async () => {
    t = await serveWebApp();
    mkdirSync(WORK, { recursive: true });
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
    docFile = join(WORK, 'openapi.json');
    writeFileSync(docFile, res.text);
  });
  afterAll(async () => {
    await t.close();
    rmSync(WORK, { recursive: true, force: true });
  });

  it("passes Redocly's recommended rules for OpenAPI 3.0 without an error", async () => {
    expect(doc.openapi).toMatch(/^3\.0\./);
    const { stdout } = await run(process.execPath, [TOOLS, 'lint', docFile]);
    const problems: Problem[] = JSON.parse(stdout);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // Left as they are: the project has no licence to name, and a health check answers no 4xx.
    expect(problems.map((p) => `${p.rule} ${p.at}`).sort()).toEqual([
      'info-license #/info',
      'operation-4xx-response #/paths/~1health~1live/get/responses',
      'operation-4xx-response #/paths/~1health~1ready/get/responses',
    ]);
  });

  it('names the schema of every JSON body, success and error alike, and gives every operation a success', () => {
    const unnamed: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const statuses = Object.keys(operation.responses);
        if (!statuses.some((s) => s.startsWith('2'))) unnamed.push(`${method} ${path}: no success response`);
        for (const [status, response] of Object.entries(operation.responses)) {
          const json = response.content?.['application/json'];
          if (json && !json.schema.$ref) unnamed.push(`${method} ${path} ${status}: unnamed body`);
          const ownBody = status === '422' || path === '/health/ready';
          if (status >= '400' && !ownBody && json?.schema.$ref !== '#/components/schemas/Error')
            unnamed.push(`${method} ${path} ${status}: not the Error body`);
          if (['200', '201'].includes(status) && !response.content) unnamed.push(`${method} ${path} ${status}: no content`);
        }
      }
    }
    expect(unnamed).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'Programme', 'Session', 'SessionPage', 'Work', 'Grade']),
    );
  });

  it('describes what the API really answers, field for field', async () => {
    const programme = await createProgramme(t.dataSource);
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, programme), {
      instructors: [await createInstructor(t.dataSource)],
    });
    const trainee = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, trainee);
    const session = await createSession(t.dataSource, cohort, { startsAt: new Date('2012-09-05T06:00:00Z') });
    await t.dataSource.query(`INSERT INTO attendances (session_id, user_id, status) VALUES ($1, $2, 'late')`, [session.id, trainee.id]);
    const bearer = `Bearer ${(await createApiToken(t.dataSource, await createAdmin(t.dataSource))).secret}`;
    const [indicator] = await t.dataSource.query(
      `INSERT INTO indicators (programme_id, name_lv, metric, target) VALUES ($1, 'Notikušās nodarbības', 'sessions_held', 10) RETURNING id`,
      [programme.id],
    );
    const routes: [string, z.ZodType][] = [
      ['/api/v1/me', userResponseSchema],
      ['/api/v1/programmes', programmeListBody],
      [`/api/v1/programmes/${programme.id}`, programmeWithPartsBody],
      [`/api/v1/programmes/${programme.id}/indicators`, indicatorListBody],
      [`/api/v1/cohorts/${cohort.id}`, cohortBody],
      [`/api/v1/cohorts/${cohort.id}/enrolments`, enrolmentListBody],
      [`/api/v1/cohorts/${cohort.id}/sessions`, sessionPageBody],
      [`/api/v1/sessions/${session.id}`, sessionWithHistoryBody],
      [`/api/v1/cohorts/${cohort.id}/attendance`, attendanceSummaryListBody],
      [`/api/v1/cohorts/${cohort.id}/reports/attendance`, attendanceReportBody],
      [`/api/v1/cohorts/${cohort.id}/reports/gradebook`, gradebookBody],
      [`/api/v1/users/${trainee.id}/record`, traineeRecordBody],
      ['/api/v1/report-exports', reportExportListBody],
      [`/api/v1/programmes/${programme.id}/reports/indicators?from=2012-09-01`, indicatorsReportBody],
      [`/api/v1/programmes/${programme.id}/reports/indicators/${indicator.id}`, indicatorEvidenceBody],
      [`/api/v1/programmes/${programme.id}/reports/funnel?stage=enrolled`, funnelBody],
      [`/api/v1/cohorts/${cohort.id}/reports/funnel`, funnelBody],
    ];
    for (const [path, schema] of routes) {
      const res = await t.http().get(path).set('Authorization', bearer);
      expect([path, res.status]).toEqual([path, 200]);
      const parsed = schema.safeParse(res.body);
      expect([path, parsed.error?.issues ?? []]).toEqual([path, []]);
      // The schemas drop fields they do not name: what is left must be the whole answer.
      expect([path, parsed.data]).toEqual([path, res.body]);
    }
  });

  it('gives a client generated from it that compiles and works against the running API', async () => {
    const programme = await createProgramme(t.dataSource, { titleLv: 'Publiskā iepirkuma pamati' });
    const instructor = await createInstructor(t.dataSource);
    const cohort = await createCohort(t.dataSource, await createPart(t.dataSource, programme), {
      name: 'Rudens grupa',
      instructors: [instructor],
    });
    const trainee = await createTrainee(t.dataSource);
    await enrol(t.dataSource, cohort, trainee);
    await createSession(t.dataSource, cohort, { title: 'Ievads', startsAt: new Date('2099-09-01T06:00:00Z') });
    const admin = await createAdmin(t.dataSource, { email: `openapi-${Date.now()}@kursors.test` });

    await run(process.execPath, [TOOLS, 'types', docFile, join(WORK, 'api.ts')]);
    writeFileSync(join(WORK, 'client.ts'), CLIENT);
    expect(compile([join(WORK, 'client.ts')], join(WORK, 'out'))).toEqual([]);

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { tour } = require(join(WORK, 'out', 'client.js'));
    const seen = await tour(
      t.baseUrl,
      (await createApiToken(t.dataSource, admin)).secret,
      (await createApiToken(t.dataSource, trainee)).secret,
      cohort.id,
    );

    expect(seen.me).toEqual({ status: 200, email: admin.email });
    expect(seen.titles).toContain(`Publiskā iepirkuma pamati / ${programme.funder}`);
    expect(seen.schedule).toEqual({ status: 200, total: 1, titles: ['Ievads 2099-09-01T06:00:00.000Z'] });
    expect(seen.mine).toEqual(['Rudens grupa']);
    expect(seen.refused.status).toBe(400);
    expect(seen.refused.code).toBe('VALIDATION_FAILED');
    expect(seen.refused.fields).toEqual([expect.stringMatching(/^cofinancingPercent: /)]);
    expect(seen.forbidden).toEqual({ status: 403, code: 'FORBIDDEN' });
    // Generating and compiling take a while on a busy machine.
  }, 180_000);
});
