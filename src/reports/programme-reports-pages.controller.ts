import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ValidationFailedError } from '../common/errors';
import { renderRefusedForm } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { IndicatorNotFoundError } from '../programmes/programmes.errors';
import { FunnelService } from './funnel.service';
import type { FunnelScope } from './funnel-records.service';
import { IndicatorReportsService } from './indicator-reports.service';
import {
  funnelPageView,
  funnelReportPage,
  indicatorReportPage,
  programmeReportPage,
  refusedFunnelPage,
  refusedRangePage,
  reportPageBase,
} from './programme-report-views';
import type { ExportRequest } from './report-exports.service';
import { ReportExportsService } from './report-exports.service';
import { ReportTables, type ReportKind } from './report-tables';
import { UNFILTERED } from './gradebook';
import { sendReportFile } from './reports-pages.controller';
import { funnelPageSchema, rangeExportSchema, rangePageSchema, rangeQuerySchema } from './reports.schemas';

const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');
const INDICATOR_ID = new ParseIdPipe('programmes.errors.indicatorNotFound');
const PART_ID = new ParseIdPipe('programmes.errors.partNotFound');
const COHORT_ID = new ParseIdPipe('reports.errors.cohortNotFound');
/**
 * A programme's reports for administrators: its indicators in a range of days with the records behind each, and the
 * completion funnel of the programme, of each part and of each cohort (a cohort's for its instructors too), with
 * the people at each stage; each downloads as CSV or XLSX. A refused range shows the form again with its errors.
 */
@ApiExcludeController()
@Controller()
export class ProgrammeReportsPagesController {
  constructor(
    private readonly indicators: IndicatorReportsService,
    private readonly funnels: FunnelService,
    private readonly tables: ReportTables,
    private readonly exports: ReportExportsService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin')
  @Get('admin/programmes/:id/reports')
  async programmePage(@Param('id', PROGRAMME_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    const view = 'pages/reports/programme';
    const texts = this.tables.texts(actor.language);
    const base = { ...this.base(actor, 'reports.indicators.title'), filterAction: `/admin/programmes/${id}/reports` };
    const range = await this.parsed(res, rangeQuerySchema, query, actor, view, async () =>
      refusedRangePage(base, query, await this.indicators.programme(actor, id), actor.language),
    );
    if (!range) return;
    const [report, funnel] = await Promise.all([
      this.indicators.indicators(actor, id, range),
      this.funnels.summary(actor, { programmeId: id }, range),
    ]);
    res.render(view, programmeReportPage(base, report, funnel, texts, id, actor.language));
  }

  @Roles('admin')
  @Get('admin/programmes/:id/reports/indicators/export')
  indicatorsExport(@Param('id', PROGRAMME_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    return this.download(res, actor, 'indicators', id, query);
  }

  @Roles('admin')
  @Get('admin/programmes/:id/reports/indicators/:indicatorId')
  async indicatorPage(
    @Param('id', PROGRAMME_ID) id: string,
    @Param('indicatorId', INDICATOR_ID) indicatorId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const view = 'pages/reports/indicator';
    const base = this.base(actor, 'reports.evidence.title');
    const path = `/admin/programmes/${id}/reports/indicators/${indicatorId}`;
    const parsed = await this.parsed(res, rangePageSchema, query, actor, view, async () =>
      refusedRangePage(base, query, await this.indicators.programme(actor, id), actor.language, { path }),
    );
    if (!parsed) return;
    const { page, ...range } = parsed;
    const report = await this.indicators.evidence(actor, indicatorId, range);
    if (report.programme.id !== id) throw new IndicatorNotFoundError();
    res.render(view, indicatorReportPage(base, report, this.tables.texts(actor.language), page, `${path}/export`));
  }

  @Roles('admin')
  @Get('admin/programmes/:id/reports/indicators/:indicatorId/export')
  async indicatorExport(
    @Param('id', PROGRAMME_ID) id: string,
    @Param('indicatorId', INDICATOR_ID) indicatorId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const report = await this.indicators.evidence(actor, indicatorId, { from: null, to: null });
    if (report.programme.id !== id) throw new IndicatorNotFoundError();
    return this.download(res, actor, 'indicator', indicatorId, query);
  }

  @Roles('admin')
  @Get('admin/programmes/:id/reports/funnel')
  programmeFunnel(@Param('id', PROGRAMME_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    return this.funnelPage(res, actor, { programmeId: id }, query);
  }

  @Roles('admin')
  @Get('admin/programmes/:id/reports/funnel/export')
  programmeFunnelExport(
    @Param('id', PROGRAMME_ID) id: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    return this.download(res, actor, 'programme_funnel', id, query);
  }

  @Roles('admin')
  @Get('admin/parts/:id/reports/funnel')
  partFunnel(@Param('id', PART_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    return this.funnelPage(res, actor, { partId: id }, query);
  }

  @Roles('admin')
  @Get('admin/parts/:id/reports/funnel/export')
  partFunnelExport(@Param('id', PART_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    return this.download(res, actor, 'part_funnel', id, query);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/funnel')
  cohortFunnel(@Param('cohortId', COHORT_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor, @Res() res: Response) {
    return this.funnelPage(res, actor, { cohortId: id }, query);
  }

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/reports/funnel/export')
  cohortFunnelExport(
    @Param('cohortId', COHORT_ID) id: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    return this.download(res, actor, 'cohort_funnel', id, query);
  }

  private base(actor: Actor, titleKey: string) {
    return reportPageBase(titleKey, this.exports.inlineMaxCells, actor.language);
  }

  private async funnelPage(res: Response, actor: Actor, scope: FunnelScope, query: unknown): Promise<void> {
    const view = 'pages/reports/funnel';
    const base = this.base(actor, 'reports.funnel.title');
    const texts = this.tables.texts(actor.language);
    const parsed = await this.parsed(res, funnelPageSchema, query, actor, view, async () =>
      refusedFunnelPage(base, await this.funnels.funnel(actor, scope), texts, query),
    );
    if (!parsed) return;
    const { stage, page, ...range } = parsed;
    const model = funnelPageView(await this.funnels.funnel(actor, scope, range), texts, { stage, page });
    res.render(view, funnelReportPage(base, model));
  }

  /** The report as a file now, or (too large) the page offering to make it in the background. */
  private async download(res: Response, actor: Actor, report: ReportKind, subjectId: string, query: unknown): Promise<void> {
    const { format, ...range } = parseWith(rangeExportSchema, query);
    const request: ExportRequest = {
      report,
      subjectId,
      format,
      query: { ...UNFILTERED, ...(report === 'cohort_funnel' ? {} : range) },
    };
    await sendReportFile(res, this.exports, actor, request);
  }

  /**
   * The query parsed; or, when it is refused, the page shown again with the errors tied to their fields and none
   * of the report (null then).
   */
  private async parsed<S extends z.ZodType>(
    res: Response,
    schema: S,
    query: unknown,
    actor: Actor,
    view: string,
    locals: () => Promise<Record<string, unknown>>,
  ): Promise<z.infer<S> | null> {
    try {
      return parseWith(schema, query);
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      await renderRefusedForm(res, view, await locals(), error, this.i18n, actor.language);
      return null;
    }
  }
}
