import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { ApiErrorResponses, ApiFile, ApiOk, ApiZodQuery } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { pipeDownload } from '../common/download-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EXPORT_CONTENT_TYPES } from '../common/table-export';
import { parseWith } from '../common/zod-validation.pipe';
import { IndicatorNotFoundError } from '../programmes/programmes.errors';
import { FunnelService } from './funnel.service';
import type { FunnelScope } from './funnel-records.service';
import { IndicatorReportsService } from './indicator-reports.service';
import { evidenceJson, funnelJson, indicatorsJson } from './programme-report-views';
import { funnelBody, indicatorEvidenceBody, indicatorsReportBody } from './programme-reports.responses';
import { reportFileDownload } from './report-file-download';
import { ReportExportsService } from './report-exports.service';
import type { ReportKind } from './report-tables';
import { UNFILTERED } from './gradebook';
import { funnelQuerySchema, rangeExportSchema, rangeQuerySchema } from './reports.schemas';

const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');
const INDICATOR_ID = new ParseIdPipe('programmes.errors.indicatorNotFound');
const PART_ID = new ParseIdPipe('programmes.errors.partNotFound');
const COHORT_ID = new ParseIdPipe('reports.errors.cohortNotFound');
const SPREADSHEETS = [EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx];
const SMALL_ONLY =
  'Streamed in the request up to REPORT_INLINE_EXPORT_MAX_CELLS cells (rows × columns); a larger one answers 413 EXPORT_TOO_LARGE: start it with POST /api/v1/report-exports instead.';
const RANGE =
  'from/to: Riga calendar days, both included, either left out for an open end. Administrators only: an indicator spans every cohort of the programme.';
const FUNNEL =
  'Stages: enrolled (members; withdrawn and waiting-list enrolments are listed in `outside`) → attendance minimum met → required work passed → exam passed → completed → valid certificate of the part. A stage counts those who reached it and every one before; a trainee who retook a part counts once, at their furthest enrolment.';

/** A programme's indicators with the records behind them, and the completion funnels, as JSON and as files. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class ProgrammeReportsApiController {
  constructor(
    private readonly indicators: IndicatorReportsService,
    private readonly funnels: FunnelService,
    private readonly exports: ReportExportsService,
  ) {}

  @Roles('admin')
  @Get('programmes/:id/reports/indicators')
  @ApiOperation({ summary: "A programme's indicators in a range of days: target, value, to come, not counted, status", description: RANGE })
  @ApiZodQuery(rangeQuerySchema)
  @ApiOk(indicatorsReportBody)
  @ApiErrorResponses(400, 404)
  async indicatorsReport(@Param('id', PROGRAMME_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return indicatorsJson(await this.indicators.indicators(actor, id, parseWith(rangeQuerySchema, query)));
  }

  @Roles('admin')
  @Get('programmes/:id/reports/indicators/export')
  @ApiOperation({ summary: "A programme's indicators in a range of days as CSV or XLSX", description: SMALL_ONLY })
  @ApiZodQuery(rangeExportSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(400, 404, 413)
  indicatorsExport(@Param('id', PROGRAMME_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    return this.send(res, actor, 'indicators', id, query);
  }

  @Roles('admin')
  @Get('programmes/:id/reports/indicators/:indicatorId')
  @ApiOperation({
    summary: 'One indicator with every record it looked at: counted, to come, and not counted with the reason',
    description: RANGE,
  })
  @ApiZodQuery(rangeQuerySchema)
  @ApiOk(indicatorEvidenceBody)
  @ApiErrorResponses(400, 404)
  async evidence(
    @Param('id', PROGRAMME_ID) id: string,
    @Param('indicatorId', INDICATOR_ID) indicatorId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
  ) {
    const report = await this.indicators.evidence(actor, indicatorId, parseWith(rangeQuerySchema, query));
    if (report.programme.id !== id) throw new IndicatorNotFoundError();
    return evidenceJson(report);
  }

  @Roles('admin')
  @Get('programmes/:id/reports/indicators/:indicatorId/export')
  @ApiOperation({ summary: "One indicator's records as CSV or XLSX", description: SMALL_ONLY })
  @ApiZodQuery(rangeExportSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(400, 404, 413)
  async evidenceExport(
    @Param('id', PROGRAMME_ID) id: string,
    @Param('indicatorId', INDICATOR_ID) indicatorId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const report = await this.indicators.evidence(actor, indicatorId, {});
    if (report.programme.id !== id) throw new IndicatorNotFoundError();
    return this.send(res, actor, 'indicator', indicatorId, query);
  }

  @Roles('admin')
  @Get('programmes/:id/reports/funnel')
  @ApiOperation({ summary: "A programme's completion funnel over the cohorts starting in a range of days", description: FUNNEL })
  @ApiZodQuery(funnelQuerySchema)
  @ApiOk(funnelBody)
  @ApiErrorResponses(400, 404)
  programmeFunnel(@Param('id', PROGRAMME_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.funnel(actor, { programmeId: id }, query);
  }

  @Roles('admin')
  @Get('programmes/:id/reports/funnel/export')
  @ApiOperation({ summary: "A programme's funnel, a row per trainee and part, as CSV or XLSX", description: SMALL_ONLY })
  @ApiZodQuery(rangeExportSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(400, 404, 413)
  programmeFunnelExport(
    @Param('id', PROGRAMME_ID) id: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    return this.send(res, actor, 'programme_funnel', id, query);
  }

  @Roles('admin')
  @Get('parts/:id/reports/funnel')
  @ApiOperation({ summary: "A part's completion funnel over its cohorts starting in a range of days", description: FUNNEL })
  @ApiZodQuery(funnelQuerySchema)
  @ApiOk(funnelBody)
  @ApiErrorResponses(400, 404)
  partFunnel(@Param('id', PART_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.funnel(actor, { partId: id }, query);
  }

  @Roles('admin')
  @Get('parts/:id/reports/funnel/export')
  @ApiOperation({ summary: "A part's funnel, a row per trainee, as CSV or XLSX", description: SMALL_ONLY })
  @ApiZodQuery(rangeExportSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(400, 404, 413)
  partFunnelExport(@Param('id', PART_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    return this.send(res, actor, 'part_funnel', id, query);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/funnel')
  @ApiOperation({
    summary: "A cohort's completion funnel (administrators and the cohort's instructors)",
    description: `${FUNNEL} The range does not apply to a cohort.`,
  })
  @ApiZodQuery(funnelQuerySchema)
  @ApiOk(funnelBody)
  @ApiErrorResponses(400, 404)
  cohortFunnel(@Param('cohortId', COHORT_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.funnel(actor, { cohortId: id }, query);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/funnel/export')
  @ApiOperation({ summary: "A cohort's funnel, a row per member, as CSV or XLSX", description: SMALL_ONLY })
  @ApiZodQuery(rangeExportSchema)
  @ApiFile(...SPREADSHEETS)
  @ApiErrorResponses(400, 404, 413)
  cohortFunnelExport(
    @Param('cohortId', COHORT_ID) id: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    return this.send(res, actor, 'cohort_funnel', id, query);
  }

  private async funnel(actor: Actor, scope: FunnelScope, query: unknown) {
    const { stage, ...range } = parseWith(funnelQuerySchema, query);
    return funnelJson(await (stage ? this.funnels.funnel(actor, scope, range) : this.funnels.summary(actor, scope, range)), stage);
  }

  private async send(res: Response, actor: Actor, report: ReportKind, subjectId: string, query: unknown): Promise<void> {
    const { format, ...range } = parseWith(rangeExportSchema, query);
    const file = await this.exports.inline(actor, { report, subjectId, format, query: { ...UNFILTERED, ...range } });
    pipeDownload(res, reportFileDownload(file));
  }
}
