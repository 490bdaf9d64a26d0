import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { ApiErrorResponses, ApiOk, ApiZodResponse } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { certificateRunJson } from './certificate-run-views';
import { CertificateRunsService } from './certificate-runs.service';
import { certificateRunBody, certificateRunListBody } from './certificate.responses';

const COHORT_ID = new ParseIdPipe('cohorts.errors.notFound');
const RUN_ID = new ParseIdPipe('certificateRuns.errors.notFound');

@ApiTags('certificates')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class CertificateRunsApiController {
  constructor(private readonly runs: CertificateRunsService) {}

  @Roles('admin')
  @Post('cohorts/:cohortId/certificate-runs')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Issue the certificates of every eligible trainee of a cohort in the background (admins)',
    description:
      'Eligible: completed the part and holds no valid certificate for it. 202 with the new run; poll GET /api/v1/certificate-runs/{id} for its progress. While the cohort has a run queued or running, 200 with that run instead: nobody is ever given two valid certificates for a part. 409 CERTIFICATE_RUN_NOTHING_TO_ISSUE when nobody is eligible, CERTIFICATE_NO_TEMPLATE when the programme has no template.',
  })
  @ApiZodResponse(202, 'Started: the new run.', certificateRunBody)
  @ApiOk(certificateRunBody, 'A run of the cohort was already queued or running: that run.')
  @ApiErrorResponses(409)
  async start(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const { run, created } = await this.runs.start(actor, cohortId);
    res.status(created ? 202 : 200).location(`/api/v1/certificate-runs/${run.id}`);
    return certificateRunJson(run);
  }

  @Roles('admin')
  @Get('cohorts/:cohortId/certificate-runs')
  @ApiOperation({ summary: "A cohort's certificate runs, newest first (admins)" })
  @ApiOk(certificateRunListBody)
  async list(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor) {
    return { items: (await this.runs.list(actor, cohortId)).map((run) => certificateRunJson(run)) };
  }

  @Roles('admin')
  @Get('certificate-runs/:id')
  @ApiOperation({
    summary: 'A certificate run: its status, its counts (done, failed, left) and why each failure failed (admins)',
  })
  @ApiOk(certificateRunBody)
  async get(@Param('id', RUN_ID) id: string, @CurrentActor() actor: Actor) {
    const run = await this.runs.get(actor, id);
    return certificateRunJson(run, await this.runs.failures(run));
  }
}
