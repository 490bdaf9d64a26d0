import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { CurrentActor, CurrentUser } from '../common/current-user.decorator';
import { ValidationFailedError } from '../common/errors';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiCreated, ApiErrorResponses, ApiOk, ApiZodBody, ApiZodQuery } from '../common/api-docs';
import { parseWith } from '../common/zod-validation.pipe';
import type { User } from '../users/user.entity';
import { CohortAccessService } from './cohort-access.service';
import {
  cohortPageJson,
  cohortView,
  enrolmentListJson,
  enrolmentView,
  myEnrolmentsJson,
  taughtCohortsJson,
  updatedCohortJson,
  withdrawalJson,
} from './cohort-views';
import { cohortListQuerySchema, createCohortSchema, enrolSchema, importSchema, updateCohortSchema, withdrawSchema } from './cohort.schemas';
import { CohortsService } from './cohorts.service';
import { EnrolmentImportRejectedError } from './cohorts.errors';
import { EnrolmentImportService } from './enrolment-import.service';
import { EnrolmentsService } from './enrolments.service';
import { CSV_UPLOAD, UploadedCsv } from './csv-upload';
import { I18nService } from '../i18n/i18n.service';
import {
  cohortBody,
  cohortPageBody,
  enrolmentBody,
  enrolmentImportBody,
  enrolmentListBody,
  myEnrolmentListBody,
  taughtCohortListBody,
  updatedCohortBody,
  withdrawalBody,
} from './cohort.responses';

const COHORT_ID = new ParseIdPipe('cohorts.errors.notFound');
const ENROLMENT_ID = new ParseIdPipe('cohorts.errors.enrolmentNotFound');

/** Cohorts and their enrolments. Admins manage them; instructors read the cohorts they teach; everyone reads their own. */
@ApiTags('cohorts')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class CohortsApiController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly enrolments: EnrolmentsService,
    private readonly importer: EnrolmentImportService,
    private readonly i18n: I18nService,
    private readonly access: CohortAccessService,
  ) {}

  @Roles('admin')
  @Get('cohorts')
  @ApiOperation({ summary: 'Cohorts, latest start first, optionally of one programme or part' })
  @ApiZodQuery(cohortListQuerySchema)
  @ApiOk(cohortPageBody)
  async list(@Req() req: Request, @Query() rawQuery: unknown) {
    const query = parseWith(cohortListQuerySchema, rawQuery);
    return cohortPageJson(await this.cohorts.list(query), query, req.lang);
  }

  @Roles('admin')
  @Post('cohorts')
  @ApiOperation({ summary: 'Create a cohort of a part; instructors must have the instructor role' })
  @ApiZodBody(createCohortSchema)
  @ApiCreated(cohortBody)
  async create(@CurrentActor() actor: Actor, @Req() req: Request, @Body() body: unknown) {
    const cohort = await this.cohorts.create(parseWith(createCohortSchema, body), actor);
    return cohortView(await this.cohorts.get(cohort.id), req.lang);
  }

  @Authenticated()
  @Get('cohorts/:id')
  @ApiOperation({ summary: 'A cohort (admins, its instructors and its trainees)' })
  @ApiOk(cohortBody)
  async get(@CurrentUser() user: User, @Req() req: Request, @Param('id', COHORT_ID) id: string) {
    return cohortView(await this.cohorts.getFor(user, id), req.lang);
  }

  @Roles('admin')
  @Put('cohorts/:id')
  @ApiOperation({ summary: 'Replace the fields of a cohort; a larger capacity promotes from the waiting list' })
  @ApiZodBody(updateCohortSchema)
  @ApiOk(updatedCohortBody)
  async update(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', COHORT_ID) id: string, @Body() body: unknown) {
    const { promoted } = await this.cohorts.update(id, parseWith(updateCohortSchema, body), actor);
    return updatedCohortJson(await this.cohorts.get(id), promoted, req.lang);
  }

  @Authenticated()
  @Get('cohorts/:id/enrolments')
  @ApiOperation({ summary: 'Everyone in a cohort: places, the waiting list in order, withdrawals (admins and its instructors)' })
  @ApiOk(enrolmentListBody)
  async listEnrolments(@CurrentUser() user: User, @Param('id', COHORT_ID) id: string) {
    await this.access.assertCanTeach(user, id);
    return enrolmentListJson(await this.enrolments.listForCohort(id));
  }

  @Roles('admin')
  @Post('cohorts/:id/enrolments')
  @ApiOperation({ summary: 'Enrol a trainee; when the cohort is full they join the waiting list' })
  @ApiZodBody(enrolSchema)
  @ApiCreated(enrolmentBody)
  async enrol(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', COHORT_ID) id: string, @Body() body: unknown) {
    const enrolment = await this.enrolments.enrol(id, parseWith(enrolSchema, body).userId, actor);
    return enrolmentView(await this.enrolments.get(enrolment.id));
  }

  @Roles('admin')
  @Post('cohorts/:id/enrolments/import')
  @HttpCode(200)
  @UseInterceptors(CSV_UPLOAD)
  @ApiOperation({ summary: 'Enrol from CSV (columns email[, status]); any bad row rejects the whole file with a per-row report (422)' })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, csv: { type: 'string' } } } })
  @ApiOk(enrolmentImportBody, 'Every row was valid; all were enrolled.')
  @ApiErrorResponses(422)
  async import(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Param('id', COHORT_ID) id: string,
    @Body() body: unknown,
    @UploadedFile() file: UploadedCsv | undefined,
  ) {
    const { csv } = parseWith(importSchema, body);
    const source = file?.buffer.length ? file.buffer : csv?.trim() ? csv : null;
    if (!source) throw ValidationFailedError.field('file', 'csv.required');
    const report = await this.importer.import(id, source, actor);
    if (!report.imported) throw new EnrolmentImportRejectedError(report.rows.flatMap((r) => r.errors.map((e) => ({ line: r.line, ...e }))));
    return report;
  }

  @Roles('admin')
  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a trainee with a reason; a freed place goes to the first on the waiting list' })
  @ApiZodBody(withdrawSchema)
  @ApiOk(withdrawalBody)
  async withdraw(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', ENROLMENT_ID) id: string, @Body() body: unknown) {
    return withdrawalJson(await this.enrolments.withdraw(id, parseWith(withdrawSchema, body).reason, actor));
  }

  @Authenticated()
  @Get('me/enrolments')
  @ApiOperation({ summary: 'My enrolments with their status, programme, part and completion rule' })
  @ApiOk(myEnrolmentListBody)
  async myEnrolments(@CurrentUser() user: User, @Req() req: Request) {
    return myEnrolmentsJson(await this.enrolments.forTrainee(user.id), req.lang, this.i18n);
  }

  @Roles('instructor')
  @Get('me/cohorts')
  @ApiOperation({ summary: 'The cohorts I teach, each with its trainees' })
  @ApiOk(taughtCohortListBody)
  async myCohorts(@CurrentUser() user: User, @Req() req: Request) {
    return taughtCohortsJson(await this.cohorts.taughtBy(user.id), req.lang);
  }
}
