import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { ApiErrorResponses, ApiFile, ApiOk, ApiZodQuery } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { pipeDownload } from '../common/download-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EXPORT_CONTENT_TYPES } from '../common/table-export';
import { parseWith } from '../common/zod-validation.pipe';
import { UNFILTERED } from '../reports/gradebook';
import { reportFileDownload } from '../reports/report-file-download';
import { ReportExportsService } from '../reports/report-exports.service';
import type { ReportKind } from '../reports/report-tables';
import { exportFormatSchema } from '../reports/reports.schemas';
import { CertificateArchive } from './certificate-archive.service';
import type { RegisterScope } from './certificate-records.service';
import { CertificateRegister } from './certificate-register.service';
import { registerEntryJson } from './certificate-register-views';
import { certificateRegisterBody } from './certificate.responses';
import { archiveQuerySchema, registerQuerySchema } from './certificates.schemas';

const COHORT_ID = new ParseIdPipe('cohorts.errors.notFound');
const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');

const REGISTER_DESCRIPTION =
  'Every certificate ever issued, valid or not, in serial order: a revoked one with its date and reason category, a replaced one with the serial that replaced it.';
const FILE_DESCRIPTION =
  'CSV (UTF-8 with a byte-order mark, semicolons, formula cells neutralised) or XLSX (hours as numbers, dates as dates). Streamed in the request up to REPORT_INLINE_EXPORT_MAX_CELLS cells; a larger one answers 413 EXPORT_TOO_LARGE: start it with POST /api/v1/report-exports (report `register` with the programme, `cohort_register` with the cohort) instead.';

@ApiTags('certificates')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class CertificateRegisterApiController {
  constructor(
    private readonly registers: CertificateRegister,
    private readonly archives: CertificateArchive,
    private readonly exports: ReportExportsService,
  ) {}

  @Roles('admin')
  @Get('cohorts/:cohortId/certificates.zip')
  @ApiOperation({
    summary: 'All certificates of a cohort as one ZIP, streamed (admins)',
    description:
      'Each PDF byte for byte as issued (its SHA-256 is the register’s), named `SERIAL - Holder name.pdf` with the serial’s slashes as hyphens, in serial order. Valid certificates only; `include=all` adds the revoked and replaced ones, their status after the name.',
  })
  @ApiZodQuery(archiveQuerySchema)
  @ApiFile('application/zip')
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
  @ApiOperation({ summary: "A cohort's certificate register, a page at a time (the cohort's staff)", description: REGISTER_DESCRIPTION })
  @ApiZodQuery(registerQuerySchema)
  @ApiOk(certificateRegisterBody)
  cohortRegister(@Param('cohortId', COHORT_ID) cohortId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.page(actor, { cohortId }, query);
  }

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/certificates/register/export')
  @ApiOperation({ summary: "A cohort's certificate register as CSV or XLSX (the cohort's staff)", description: FILE_DESCRIPTION })
  @ApiZodQuery(exportFormatSchema)
  @ApiFile(EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx)
  @ApiErrorResponses(413)
  async cohortRegisterExport(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.send(res, actor, 'cohort_register', cohortId, query);
  }

  @Roles('admin')
  @Get('programmes/:id/certificates/register')
  @ApiOperation({
    summary: "A programme's certificate register, part and programme certificates, a page at a time (admins)",
    description: REGISTER_DESCRIPTION,
  })
  @ApiZodQuery(registerQuerySchema)
  @ApiOk(certificateRegisterBody)
  programmeRegister(@Param('id', PROGRAMME_ID) id: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.page(actor, { programmeId: id }, query);
  }

  @Roles('admin')
  @Get('programmes/:id/certificates/register/export')
  @ApiOperation({ summary: "A programme's certificate register as CSV or XLSX (admins)", description: FILE_DESCRIPTION })
  @ApiZodQuery(exportFormatSchema)
  @ApiFile(EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx)
  @ApiErrorResponses(413)
  async programmeRegisterExport(
    @Param('id', PROGRAMME_ID) id: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ) {
    await this.send(res, actor, 'register', id, query);
  }

  private async page(actor: Actor, scope: RegisterScope, rawQuery: unknown) {
    const query = parseWith(registerQuerySchema, rawQuery);
    const { items, total } = await this.registers.page(actor, scope, query.page, query.pageSize);
    return { items: items.map(registerEntryJson), total, page: query.page, pageSize: query.pageSize };
  }

  private async send(res: Response, actor: Actor, report: ReportKind, subjectId: string, query: unknown): Promise<void> {
    const { format } = parseWith(exportFormatSchema, query);
    pipeDownload(res, reportFileDownload(await this.exports.inline(actor, { report, subjectId, format, query: UNFILTERED })));
  }
}
