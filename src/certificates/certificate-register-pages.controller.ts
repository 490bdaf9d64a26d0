import { Controller, Get, Param, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { type Actor, actorHasRole } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { pipeDownload } from '../common/download-response';
import { pager } from '../common/paging';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { UNFILTERED } from '../reports/gradebook';
import { ReportExportsService } from '../reports/report-exports.service';
import type { ReportKind } from '../reports/report-tables';
import { exportFormatSchema } from '../reports/reports.schemas';
import { sendReportFile } from '../reports/reports-pages.controller';
import { CertificateArchive } from './certificate-archive.service';
import type { RegisterScope } from './certificate-records.service';
import { CertificateRegister } from './certificate-register.service';
import { registerPage } from './certificate-register-views';
import { archiveQuerySchema, registerQuerySchema } from './certificates.schemas';

const COHORT_ID = new ParseIdPipe('cohorts.errors.notFound');
const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');

/**
 * What an auditor asks for: the certificate register of a programme (administrators) or a cohort (its staff) as a
 * page with its CSV and XLSX downloads (a large one made in the background), and a cohort's certificates as one
 * ZIP (administrators).
 */
@ApiExcludeController()
@Controller()
export class CertificateRegisterPagesController {
  constructor(
    private readonly registers: CertificateRegister,
    private readonly archives: CertificateArchive,
    private readonly exports: ReportExportsService,
  ) {}

  @Roles('admin')
  @Get('cohorts/:cohortId/certificates.zip')
  async archive(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    const { include } = parseWith(archiveQuerySchema, query);
    pipeDownload(res, await this.archives.open(actor, cohortId, include));
  }

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/certificates/register')
  @Render('pages/certificates/register')
  cohortRegister(@Param('cohortId', COHORT_ID) cohortId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.page(actor, { cohortId }, query, `/cohorts/${cohortId}/certificates/register`);
  }

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/certificates/register/export')
  async cohortRegisterExport(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.download(res, actor, 'cohort_register', cohortId, query);
  }

  @Roles('admin')
  @Get('admin/programmes/:id/certificates/register')
  @Render('pages/certificates/register')
  programmeRegister(@Param('id', PROGRAMME_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.page(actor, { programmeId: id }, query, `/admin/programmes/${id}/certificates/register`);
  }

  @Roles('admin')
  @Get('admin/programmes/:id/certificates/register/export')
  async programmeRegisterExport(
    @Param('id', PROGRAMME_ID) id: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.download(res, actor, 'register', id, query);
  }

  private async page(actor: Actor, scope: RegisterScope, rawQuery: unknown, path: string) {
    const query = parseWith(registerQuerySchema, rawQuery);
    const read = await this.registers.page(actor, scope, query.page, query.pageSize);
    return registerPage(read, scope, {
      path,
      pagerModel: pager(path, query, read.total),
      isAdmin: actorHasRole(actor, 'admin'),
      inlineMaxCells: this.exports.inlineMaxCells,
      lang: actor.language,
    });
  }

  private async download(res: Response, actor: Actor, report: ReportKind, subjectId: string, query: unknown): Promise<void> {
    const { format } = parseWith(exportFormatSchema, query);
    await sendReportFile(res, this.exports, actor, { report, subjectId, format, query: UNFILTERED });
  }
}
