import { Controller, Get, Param, Query, Render, Res } from '@nestjs/common';
import { pipeDownload, sendBytes } from '../common/download-response';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { actorHasRole, type Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { AttendanceReportService } from './attendance-report.service';
import { AttendanceSheetsService } from './attendance-sheets.service';
import { UNFILTERED } from './gradebook';
import { GradebookService } from './gradebook.service';
import { ReportExportsService, type ExportRequest } from './report-exports.service';
import { reportFileDownload, sheetFileDownload } from './report-file-download';
import { ReportTables } from './report-tables';
import { attendancePage, exportTooLargePage, gradebookPage, recordPage } from './report-views';
import { ExportTooLargeError } from './reports.errors';
import { exportFormatSchema, gradebookExportSchema, gradebookQuerySchema } from './reports.schemas';
import { RECORD_EMAILS, TraineeRecordService } from './trainee-record.service';

const COHORT_ID = new ParseIdPipe('reports.errors.cohortNotFound');
const SESSION_ID = new ParseIdPipe('sessions.errors.notFound');
const USER_ID = new ParseIdPipe('reports.errors.traineeNotFound');

/**
 * The report pages: a cohort's attendance report and signed sheets, its gradebook, and a trainee's record (for
 * administrators, and each person's own), with their downloads. A download too large for the request shows a page
 * offering to make it in the background.
 */
@ApiExcludeController()
@Controller()
export class ReportsPagesController {
  constructor(
    private readonly attendance: AttendanceReportService,
    private readonly sheets: AttendanceSheetsService,
    private readonly gradebooks: GradebookService,
    private readonly records: TraineeRecordService,
    private readonly exports: ReportExportsService,
    private readonly tables: ReportTables,
  ) {}

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/attendance')
  @Render('pages/reports/attendance')
  async attendancePage(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor) {
    const report = await this.attendance.report(actor, cohortId);
    return attendancePage(report, this.tables.texts(actor.language), cohortId, this.exports.inlineMaxCells, actor.language);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/attendance/export')
  async attendanceExport(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const { format } = parseWith(exportFormatSchema, query);
    await this.download(res, actor, { report: 'attendance', subjectId: cohortId, format, query: UNFILTERED });
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/attendance/sheets.pdf')
  async cohortSheets(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendBytes(res, sheetFileDownload(await this.sheets.forCohort(actor, cohortId)));
  }

  @Roles('instructor', 'admin')
  @Get('sessions/:id/attendance/sheet.pdf')
  async sessionSheet(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendBytes(res, sheetFileDownload(await this.sheets.forSession(actor, id)));
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/gradebook')
  @Render('pages/reports/gradebook')
  async gradebookPage(@Param('cohortId', COHORT_ID) cohortId: string, @Query() rawQuery: unknown, @CurrentActor() actor: Actor) {
    const query = parseWith(gradebookQuerySchema, rawQuery);
    const book = await this.gradebooks.gradebook(actor, cohortId, query);
    return gradebookPage(book, this.tables.texts(actor.language), query, cohortId, {
      inlineMaxCells: this.exports.inlineMaxCells,
      lang: actor.language,
      recordLinks: actorHasRole(actor, 'admin'),
    });
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/gradebook/export')
  async gradebookExport(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @Query() rawQuery: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const { format, ...query } = parseWith(gradebookExportSchema, rawQuery);
    await this.download(res, actor, { report: 'gradebook', subjectId: cohortId, format, query });
  }

  @Roles('admin')
  @Get('admin/users/:id/record')
  @Render('pages/reports/record')
  async recordPage(@Param('id', USER_ID) id: string, @CurrentActor() actor: Actor) {
    return this.recordLocals(actor, id, `/admin/users/${id}/record`);
  }

  @Roles('admin')
  @Get('admin/users/:id/record/export')
  async recordExport(@Param('id', USER_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.download(res, actor, {
      report: 'record',
      subjectId: id,
      format: parseWith(exportFormatSchema, query).format,
      query: UNFILTERED,
    });
  }

  @Authenticated()
  @Get('my/record')
  @Render('pages/reports/record')
  async myRecordPage(@CurrentActor() actor: Actor) {
    return this.recordLocals(actor, actor.userId!, '/my/record');
  }

  @Authenticated()
  @Get('my/record/export')
  async myRecordExport(@Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    const { format } = parseWith(exportFormatSchema, query);
    await this.download(res, actor, { report: 'record', subjectId: actor.userId!, format, query: UNFILTERED });
  }

  private async recordLocals(actor: Actor, userId: string, path: string) {
    const record = await this.records.record(actor, userId);
    return recordPage(record, this.tables.texts(actor.language), {
      own: record.person.id === actor.userId,
      path,
      inlineMaxCells: this.exports.inlineMaxCells,
      lang: actor.language,
      emailsLimit: RECORD_EMAILS,
    });
  }

  private download(res: Response, actor: Actor, request: ExportRequest): Promise<void> {
    return sendReportFile(res, this.exports, actor, request);
  }
}

/**
 * A report's file for a page's download link: now when it is small enough; otherwise a page (413) with the form
 * that makes it in the background. The certificate register's pages send theirs the same way.
 */
export async function sendReportFile(res: Response, exports: ReportExportsService, actor: Actor, request: ExportRequest): Promise<void> {
  try {
    pipeDownload(res, reportFileDownload(await exports.inline(actor, request)));
  } catch (error) {
    if (!(error instanceof ExportTooLargeError)) throw error;
    res.status(413).render('pages/reports/export-too-large', exportTooLargePage(error.params.cells, error.params.max, request));
  }
}
