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
import type { Language } from '../i18n/languages';
import { UsersService } from '../users/users.service';
import { cohortPage, importReportPage, promotedFlash, withdrawPage } from './cohort-views';
import { CSV_UPLOAD, UploadedCsv } from './csv-upload';
import { enrolSchema, importSchema, traineeSearchSchema, withdrawSchema } from './cohort.schemas';
import { CohortsService } from './cohorts.service';
import { EnrolmentNotFoundError } from './cohorts.errors';
import { EnrolmentImportService } from './enrolment-import.service';
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
    res
      .status(report.imported ? 200 : 422)
      .render('pages/cohorts/import-report', importReportPage(await this.cohorts.get(id), report, req.lang, this.i18n));
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
    req.session.flash = promotedFlash('cohorts.flash.withdrawn', promoted);
    res.redirect(303, `/admin/cohorts/${id}#enrolments`);
  }

  private async enrolmentOf(cohortId: string, enrolmentId: string) {
    const enrolment = await this.enrolments.get(enrolmentId);
    if (enrolment.cohortId !== cohortId) throw new EnrolmentNotFoundError();
    return enrolment;
  }

  private async withdrawLocals(cohortId: string, enrolmentId: string, lang: Language) {
    const enrolment = await this.enrolmentOf(cohortId, enrolmentId);
    return withdrawPage(await this.cohorts.get(cohortId), enrolment, lang);
  }

  /** The cohort page's reads: the cohort, its enrolments, and the trainees a search found. */
  private async showLocals(id: string, lang: Language, q?: string) {
    const cohort = await this.cohorts.get(id);
    const enrolments = await this.enrolments.listForCohort(id);
    const found = q
      ? (await this.users.list({ q, role: 'trainee', page: 1, pageSize: 20 })).items.map((s) => s.user).filter((u) => !u.disabledAt)
      : [];
    return cohortPage(cohort, enrolments, found, lang, q);
  }
}
