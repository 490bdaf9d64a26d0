import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { ApiCreated, ApiFile, ApiOk, ApiZodBody, ApiZodQuery } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { ProgrammesService } from '../programmes/programmes.service';
import { sendDownload } from '../common/download-response';
import { BADGE_MEDIA_TYPE, CertificateBadges } from './certificate-badges.service';
import { CertificateReads } from './certificate-reads.service';
import { certificateJson, cohortHolderJson, programmeHolderJson } from './certificate-views';
import { certificateBody, certificatePageBody, cohortCertificatesBody, programmeCertificatesBody } from './certificate.responses';
import { issueProgrammeSchema, myCertificatesQuerySchema, reissueSchema, revokeSchema } from './certificates.schemas';
import { CertificatesService, type IssueOutcome } from './certificates.service';

const ID = new ParseIdPipe('certificates.errors.notFound');
const COHORT_ID = new ParseIdPipe('cohorts.errors.notFound');
const ENROLMENT_ID = new ParseIdPipe('certificates.errors.enrolmentNotFound');
const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');

const ISSUE_DESCRIPTION =
  'Administrators only. The serial is the next of the programme and year, without gaps; the PDF is made in the holder’s language, stored once, and the holder is emailed a link. 201 with the new certificate; 200 with the one already held when the person holds a valid certificate for it. 409 when not completed or the programme has no template.';

@ApiTags('certificates')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class CertificatesApiController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly reads: CertificateReads,
    private readonly programmes: ProgrammesService,
    private readonly badges: CertificateBadges,
  ) {}

  @Roles('admin', 'instructor')
  @Get('cohorts/:cohortId/certificates')
  @ApiOperation({ summary: "A cohort's trainees, whether they completed, and their certificate for the part (the cohort's staff)" })
  @ApiOk(cohortCertificatesBody)
  async cohort(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor) {
    const { holders } = await this.reads.cohort(actor, cohortId);
    return { items: holders.map(cohortHolderJson) };
  }

  @Roles('admin')
  @Post('enrolments/:id/certificate')
  @ApiOperation({ summary: 'Issue the certificate of a completed enrolment’s part', description: ISSUE_DESCRIPTION })
  @ApiCreated(certificateBody)
  @ApiOk(certificateBody, 'Already held: the valid certificate the person holds for the part.')
  async issue(@Param('id', ENROLMENT_ID) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return issuedJson(res, await this.certificates.issue(actor, { enrolmentId: id }));
  }

  @Roles('admin')
  @Get('programmes/:id/certificates')
  @ApiOperation({ summary: 'Everyone who completed every part of the programme, with their programme certificate (admins)' })
  @ApiOk(programmeCertificatesBody)
  async programme(@Param('id', PROGRAMME_ID) id: string) {
    await this.programmes.get(id);
    const holders = await this.reads.programmeHolders(id);
    return { items: holders.map(programmeHolderJson) };
  }

  @Roles('admin')
  @Post('programmes/:id/certificates')
  @ApiOperation({
    summary: 'Issue the certificate of the whole programme to someone who completed every part',
    description: ISSUE_DESCRIPTION,
  })
  @ApiZodBody(issueProgrammeSchema)
  @ApiCreated(certificateBody)
  @ApiOk(certificateBody, 'Already held: the valid programme certificate the person holds.')
  async issueProgramme(
    @Param('id', PROGRAMME_ID) id: string,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { userId } = parseWith(issueProgrammeSchema, body);
    return issuedJson(res, await this.certificates.issue(actor, { programmeId: id, userId }));
  }

  @Authenticated()
  @Get('certificates/:id')
  @ApiOperation({ summary: 'A certificate with its history (its holder and admins)' })
  @ApiOk(certificateBody)
  async get(@Param('id', ID) id: string, @CurrentActor() actor: Actor) {
    return certificateJson(await this.reads.withHistory(actor, id));
  }

  @Authenticated()
  @Get('certificates/:id/download')
  @ApiOperation({ summary: 'The certificate’s PDF, the same bytes every time (its holder and admins)' })
  @ApiFile('application/pdf')
  async download(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return sendDownload(res, await this.reads.open(actor, id));
  }

  @Authenticated()
  @Get('certificates/:id/badge')
  @ApiOperation({
    summary: 'The certificate as a signed Open Badges 3.0 credential (its holder and admins)',
    description:
      'An OpenBadgeCredential (Verifiable Credentials 2.0) with an eddsa-jcs-2022 Data Integrity proof by the issuer’s did:web key ' +
      '(published at /.well-known/did.json and /.well-known/jwks.json), the same bytes every time. Whether it is still valid is ' +
      'not in it: POST it to /api/v1/verify/badge, or open its id, the verification page. 404 when badges are not offered.',
  })
  @ApiFile(BADGE_MEDIA_TYPE)
  async badge(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return sendDownload(res, await this.badges.open(actor, id));
  }

  @Roles('admin')
  @Post('certificates/:id/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a valid certificate with a reason (admins)',
    description:
      'Audited; the holder is emailed; the verification page says so at once. Its serial is never reused. 409 unless it is valid.',
  })
  @ApiZodBody(revokeSchema)
  @ApiOk(certificateBody)
  async revoke(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    await this.certificates.revoke(actor, id, parseWith(revokeSchema, body));
    return certificateJson(await this.reads.withHistory(actor, id));
  }

  @Roles('admin')
  @Post('certificates/:id/reissue')
  @ApiOperation({
    summary: 'Issue a new certificate in place of a valid one, e.g. with a corrected name (admins)',
    description: 'A new serial and code; the old one becomes replaced and both show the history. 409 unless it is valid.',
  })
  @ApiZodBody(reissueSchema)
  @ApiCreated(certificateBody)
  async reissue(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Body() body: unknown) {
    const certificate = await this.certificates.reissue(actor, id, parseWith(reissueSchema, body));
    return certificateJson(await this.reads.withHistory(actor, certificate.id));
  }

  @Authenticated()
  @Get('me/certificates')
  @ApiOperation({ summary: 'My certificates, newest first' })
  @ApiZodQuery(myCertificatesQuerySchema)
  @ApiOk(certificatePageBody)
  async mine(@CurrentActor() actor: Actor, @Query() rawQuery: unknown) {
    const query = parseWith(myCertificatesQuerySchema, rawQuery);
    const { items, total } = await this.reads.mine(actor, query.page, query.pageSize);
    return { items: items.map((certificate) => certificateJson({ certificate })), total, page: query.page, pageSize: query.pageSize };
  }
}

function issuedJson(res: Response, { certificate, created }: IssueOutcome) {
  res.status(created ? 201 : 200);
  return certificateJson({ certificate });
}
