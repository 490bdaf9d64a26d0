import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ValidationFailedError } from '../common/errors';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { withFormLocals } from '../common/form-locals';
import { singleProgrammeFooter } from '../programmes/programme-footer';
import type { Language } from '../i18n/languages';
import { UsersService } from '../users/users.service';
import { cohortView, enrolmentPageView } from './cohort-views';
import { CSV_UPLOAD, UploadedCsv } from './csv-upload';
import { enrolSchema, importSchema, IMPORT_STATUSES, traineeSearchSchema, withdrawSchema } from './cohort.schemas';
import { CohortsService } from './cohorts.service';
import { EnrolmentNotFoundError } from './cohorts.errors';
import { EnrolmentImportService, IMPORT_MAX_ROWS } from './enrolment-import.service';
import { EnrolmentsService } from './enrolments.service';

const ID = new ParseIdPipe('cohorts.errors.notFound');
const ENROLMENT_ID = new ParseIdPipe('cohorts.errors.enrolmentNotFound');

/** The admin's enrolment page of a cohort: enrol one, import a CSV, withdraw, and the waiting list. */
@ApiExcludeController()
@Controller('admin/cohorts/:id')
export class EnrolmentsPagesController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly enrolments: EnrolmentsService,
    private readonly importer: EnrolmentImportService,
    private readonly users: UsersService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('admin')
  @Get()
  @Render('pages/cohorts/show')
  show(@Req() req: Request, @Param('id', ID) id: string, @Query() query: unknown) {
    return this.showLocals(id, req.lang, parseWith(traineeSearchSchema, query).q);
  }

  @Roles('admin')
  @Post('enrolments')
  @FormView('pages/cohorts/show')
  async enrol(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', ID) id: string, @Body() body: unknown, @Res() res: Response) {
    const enrolment = await withFormLocals(
      res,
      () => this.showLocals(id, req.lang),
      () => this.enrolments.enrol(id, parseWith(enrolSchema, body).userId, actor),
    );
    req.session.flash = [{ kind: 'success', key: `cohorts.flash.${enrolment.status === 'waitlisted' ? 'waitlisted' : 'enrolled'}` }];
    res.redirect(303, `/admin/cohorts/${id}#enrolments`);
  }

  @Roles('admin')
  @Post('enrolments/import')
  @UseInterceptors(CSV_UPLOAD)
  @FormView('pages/cohorts/show')
  async import(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Param('id', ID) id: string,
    @Body() body: unknown,
    @UploadedFile() file: UploadedCsv | undefined,
    @Res() res: Response,
  ) {
    const report = await withFormLocals(
      res,
      () => this.showLocals(id, req.lang),
      async () => {
        const { csv } = parseWith(importSchema, body);
        const source = file?.buffer.length ? file.buffer : csv?.trim() ? csv : null;
        if (!source) throw ValidationFailedError.field('file', 'csv.required');
        return this.importer.import(id, source, actor);
      },
    );
    const cohort = cohortView(await this.cohorts.get(id), req.lang);
    res.status(report.imported ? 200 : 422).render('pages/cohorts/import-report', {
      titleKey: 'cohorts.import.reportTitle',
      cohort,
      ...singleProgrammeFooter([cohort.footer]),
      report,
      rows: report.rows.map((row) => ({
        ...row,
        outcomeKey: `cohorts.status.${row.outcome}`,
        // A good row of a refused file was not imported either: say what it would have become, and why it did not.
        notImported:
          !report.imported && !row.errors.length
            ? this.i18n.t(req.lang, 'cohorts.import.notImported', { outcome: this.i18n.t(req.lang, `cohorts.status.${row.outcome}`) })
            : null,
        errors: row.errors.map((e) => this.i18n.t(req.lang, `validation.${e.code}`, e.params)),
      })),
      errorCount: report.rows.filter((r) => r.errors.length).length,
    });
  }

  @Roles('admin')
  @Get('enrolments/:enrolmentId/withdraw')
  @Render('pages/cohorts/withdraw')
  withdrawForm(@Req() req: Request, @Param('id', ID) id: string, @Param('enrolmentId', ENROLMENT_ID) enrolmentId: string) {
    return this.withdrawLocals(id, enrolmentId, req.lang);
  }

  @Roles('admin')
  @Post('enrolments/:enrolmentId/withdraw')
  @FormView('pages/cohorts/withdraw')
  async withdraw(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Param('id', ID) id: string,
    @Param('enrolmentId', ENROLMENT_ID) enrolmentId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const { promoted } = await withFormLocals(
      res,
      () => this.withdrawLocals(id, enrolmentId, req.lang),
      async () => {
        await this.enrolmentOf(id, enrolmentId);
        return this.enrolments.withdraw(enrolmentId, parseWith(withdrawSchema, body).reason, actor);
      },
    );
    req.session.flash = [
      { kind: 'success', key: 'cohorts.flash.withdrawn' },
      ...(promoted.length ? [{ kind: 'info' as const, key: 'cohorts.flash.promoted', params: { count: promoted.length } }] : []),
    ];
    res.redirect(303, `/admin/cohorts/${id}#enrolments`);
  }

  private async enrolmentOf(cohortId: string, enrolmentId: string) {
    const enrolment = await this.enrolments.get(enrolmentId);
    if (enrolment.cohortId !== cohortId) throw new EnrolmentNotFoundError();
    return enrolment;
  }

  private async withdrawLocals(cohortId: string, enrolmentId: string, lang: Language) {
    const enrolment = await this.enrolmentOf(cohortId, enrolmentId);
    const cohort = cohortView(await this.cohorts.get(cohortId), lang);
    return {
      titleKey: 'cohorts.withdraw.title',
      cohort,
      enrolment: enrolmentPageView(enrolment),
      ...singleProgrammeFooter([cohort.footer]),
    };
  }

  private async showLocals(id: string, lang: Language, q?: string) {
    const cohort = cohortView(await this.cohorts.get(id), lang);
    const enrolments = (await this.enrolments.listForCohort(id)).map(enrolmentPageView);
    const active = new Set(enrolments.filter((e) => e.status !== 'withdrawn').map((e) => e.trainee?.id));
    const found = q
      ? (await this.users.list({ q, role: 'trainee', page: 1, pageSize: 20 })).items.map((s) => s.user).filter((u) => !u.disabledAt)
      : [];
    return {
      title: cohort.name,
      cohort,
      ...singleProgrammeFooter([cohort.footer]),
      places: enrolments.filter((e) => e.status !== 'waitlisted' && e.status !== 'withdrawn'),
      waiting: enrolments.filter((e) => e.status === 'waitlisted'),
      withdrawn: enrolments.filter((e) => e.status === 'withdrawn'),
      search: {
        q: q ?? '',
        searched: Boolean(q),
        results: found.map((u) => ({ id: u.id, name: u.name, email: u.email, department: u.department, inCohort: active.has(u.id) })),
      },
      importStatuses: IMPORT_STATUSES,
      importMaxRows: IMPORT_MAX_ROWS,
    };
  }
}
