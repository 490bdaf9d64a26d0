import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { pipeDownload, sendBytes, sendDownload } from '../common/download-response';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { ApiCreated, ApiErrorResponses, ApiFile, ApiOk, ApiZodBody, ApiZodQuery } from '../common/api-docs';
import { Clock } from '../common/clock';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EXPORT_CONTENT_TYPES } from '../common/table-export';
import { parseWith } from '../common/zod-validation.pipe';
import { storedFileDownload } from '../storage/stored-file-download';
import { StorageService } from '../storage/storage.service';
import { AttendanceReportService } from './attendance-report.service';
import { AttendanceSheetsService } from './attendance-sheets.service';
import { UNFILTERED } from './gradebook';
import { GradebookService } from './gradebook.service';
import { EXPORT_FILE_TYPES } from './report-exports.constants';
import { ReportExportsService, type ExportRequest } from './report-exports.service';
import { reportFileDownload, sheetFileDownload } from './report-file-download';
import { attendanceJson, exportJson, gradebookJson, recordJson } from './report-views';
import { exportFormatSchema, gradebookExportSchema, gradebookQuerySchema, startExportSchema } from './reports.schemas';
import { attendanceReportBody, gradebookBody, reportExportBody, reportExportListBody, traineeRecordBody } from './reports.responses';
import { TraineeRecordService } from './trainee-record.service';

const COHORT_ID = new ParseIdPipe('reports.errors.cohortNotFound');
const SESSION_ID = new ParseIdPipe('sessions.errors.notFound');
const USER_ID = new ParseIdPipe('reports.errors.traineeNotFound');
const EXPORT_ID = new ParseIdPipe('reports.errors.exportNotFound');
const SPREADSHEETS = [EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx];
const SMALL_ONLY =
  'Streamed in the request up to REPORT_INLINE_EXPORT_MAX_CELLS cells (rows × columns, 50,000 unless configured); a larger one answers 413 EXPORT_TOO_LARGE: start it with POST /api/v1/report-exports instead.';

@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class ReportsApiController {
  constructor(
    private readonly attendance: AttendanceReportService,
    private readonly sheets: AttendanceSheetsService,
    private readonly gradebooks: GradebookService,
    private readonly records: TraineeRecordService,
    private readonly exports: ReportExportsService,
    private readonly storage: StorageService,
    private readonly clock: Clock,
  ) {}

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/attendance')
  @ApiOperation({
    summary: "A cohort's attendance matrix: members × held sessions, each member's and the cohort's percentage",
    description: 'Admins and the cohort’s instructors. Held sessions only; (present + late) / sessions whose attendance was taken.',
  })
  @ApiOk(attendanceReportBody)
  @ApiErrorResponses(404)
  async attendanceReport(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor) {
    return attendanceJson(await this.attendance.report(actor, cohortId));
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/attendance/export')
  @ApiOperation({ summary: 'The attendance matrix as CSV or XLSX', description: SMALL_ONLY })
  @ApiZodQuery(exportFormatSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(404, 413)
  async attendanceExport(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const { format } = parseWith(exportFormatSchema, query);
    await this.send(res, actor, { report: 'attendance', subjectId: cohortId, format, query: UNFILTERED });
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/attendance/sheets.pdf')
  @ApiOperation({ summary: 'The signed attendance sheets of every scheduled session of a cohort, as one PDF' })
  @ApiFile('application/pdf')
  @ApiErrorResponses(404)
  async cohortSheets(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendBytes(res, sheetFileDownload(await this.sheets.forCohort(actor, cohortId)));
  }

  @Roles('instructor', 'admin')
  @Get('sessions/:id/attendance/sheet.pdf')
  @ApiOperation({ summary: "A session's signed attendance sheet as a PDF (whoever may take its attendance)" })
  @ApiFile('application/pdf')
  @ApiErrorResponses(404)
  async sessionSheet(@Param('id', SESSION_ID) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    sendBytes(res, sheetFileDownload(await this.sheets.forSession(actor, id)));
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/gradebook')
  @ApiOperation({
    summary: "A cohort's gradebook: members × assignments and exam sittings, totals and completion",
    description: 'Admins and the cohort’s instructors; draft grades and results not yet released are included, marked `released: false`.',
  })
  @ApiZodQuery(gradebookQuerySchema)
  @ApiOk(gradebookBody)
  @ApiErrorResponses(400, 404)
  async gradebook(@Param('cohortId', COHORT_ID) cohortId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return gradebookJson(await this.gradebooks.gradebook(actor, cohortId, parseWith(gradebookQuerySchema, query)));
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/gradebook/export')
  @ApiOperation({ summary: 'The gradebook, filtered and sorted as asked, as CSV or XLSX', description: SMALL_ONLY })
  @ApiZodQuery(gradebookExportSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(400, 404, 413)
  async gradebookExport(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @Query() raw: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const { format, ...query } = parseWith(gradebookExportSchema, raw);
    await this.send(res, actor, { report: 'gradebook', subjectId: cohortId, format, query });
  }

  @Roles('admin')
  @Get('users/:id/record')
  @ApiOperation({ summary: "A trainee's whole record: enrolments, attendance, work and grades, exams, emails, certificates" })
  @ApiOk(traineeRecordBody)
  @ApiErrorResponses(404)
  async record(@Param('id', USER_ID) id: string, @CurrentActor() actor: Actor) {
    return recordJson(await this.records.record(actor, id));
  }

  @Roles('admin')
  @Get('users/:id/record/export')
  @ApiOperation({ summary: "A trainee's record as CSV or XLSX", description: SMALL_ONLY })
  @ApiZodQuery(exportFormatSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(404, 413)
  async recordExport(@Param('id', USER_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.send(res, actor, {
      report: 'record',
      subjectId: id,
      format: parseWith(exportFormatSchema, query).format,
      query: UNFILTERED,
    });
  }

  @Authenticated()
  @Get('me/record')
  @ApiOperation({
    summary: 'My own record: what has been released to me of my enrolments, attendance, work, exams, emails and certificates',
  })
  @ApiOk(traineeRecordBody)
  async myRecord(@CurrentActor() actor: Actor) {
    return recordJson(await this.records.record(actor, actor.userId!));
  }

  @Authenticated()
  @Get('me/record/export')
  @ApiOperation({ summary: 'My own record as CSV or XLSX', description: SMALL_ONLY })
  @ApiZodQuery(exportFormatSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(413)
  async myRecordExport(@Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.send(res, actor, {
      report: 'record',
      subjectId: actor.userId!,
      format: parseWith(exportFormatSchema, query).format,
      query: UNFILTERED,
    });
  }

  @Authenticated()
  @Post('report-exports')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Make a report into a file in the background',
    description:
      'For a report too large for the request, or any other; the funder’s report of a programme (`report` = `funder`, `subjectId` = the programme, optionally `from` and `to`) is made only this way, as `pdf` (administrators). Poll GET /api/v1/report-exports/{id} for its progress; once `done`, `downloadUrl` works for a day. The report is read as you, now and when the job runs.',
  })
  @ApiZodBody(startExportSchema)
  @ApiCreated(reportExportBody)
  @ApiErrorResponses(400, 403, 404)
  async startExport(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return exportJson(await this.exports.start(actor, parseWith(startExportSchema, body)), this.clock.now());
  }

  @Authenticated()
  @Get('report-exports')
  @ApiOperation({ summary: 'My background exports, newest first' })
  @ApiOk(reportExportListBody)
  async myExports(@CurrentActor() actor: Actor) {
    const now = this.clock.now();
    return { items: (await this.exports.mine(actor)).map((row) => exportJson(row, now)) };
  }

  @Authenticated()
  @Get('report-exports/:id')
  @ApiOperation({ summary: 'One of my background exports: its status and progress' })
  @ApiOk(reportExportBody)
  @ApiErrorResponses(404)
  async oneExport(@Param('id', EXPORT_ID) id: string, @CurrentActor() actor: Actor) {
    return exportJson(await this.exports.get(actor, id), this.clock.now());
  }

  @Authenticated()
  @Get('report-exports/:id/download')
  @ApiOperation({ summary: 'The file of a finished export, for a day after it was made' })
  @ApiFile(...SPREADSHEETS, EXPORT_FILE_TYPES.pdf)
  @ApiErrorResponses(404, 409, 410)
  async downloadExport(
    @Param('id', EXPORT_ID) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.download(actor, id, this.clock.now());
    return sendDownload(
      res,
      storedFileDownload(
        { fileName: file.fileName, mimeType: EXPORT_FILE_TYPES[file.format], size: file.size },
        this.storage.openRead(file.key),
      ),
    );
  }

  private async send(res: Response, actor: Actor, request: ExportRequest): Promise<void> {
    pipeDownload(res, reportFileDownload(await this.exports.inline(actor, request)));
  }
}
