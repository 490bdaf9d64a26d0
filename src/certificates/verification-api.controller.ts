import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { ApiErrorResponses, ApiOk } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ValidationFailedError } from '../common/errors';
import { uploadFromRequest } from '../storage/upload';
import { badgeCheckBody, fileCheckBody, verifiedCertificateBody } from './certificate.responses';
import { CertificateNotFoundError } from './certificates.errors';
import { BADGE_MAX_BYTES, VERIFY_FILE_FIELD, VerificationService } from './verification.service';
import { badgeCheckJson, fileCheckJson, verifiedJson } from './verification-views';

/** The public checks of a certificate, for anyone (no token): rate-limited per client address. */
@ApiTags('certificates')
@Controller('api/v1/verify')
export class VerificationApiController {
  constructor(private readonly verification: VerificationService) {}

  @Public()
  @Get(':code')
  @ApiOperation({
    summary: 'Verify a certificate by its code (public)',
    description:
      'The code as printed, with or without dashes, in any case. Only what the certificate states comes back, and its status: valid, revoked (when, why) or replaced (by which). 429 when the address checks too often.',
  })
  @ApiOk(verifiedCertificateBody)
  @ApiErrorResponses(429)
  async byCode(@Param('code') code: string, @CurrentActor() actor: Actor) {
    const check = await this.verification.byCode(actor, code);
    if (check.kind === 'badCode') throw ValidationFailedError.field('code', 'certificate.badCode');
    if (check.kind === 'notFound') throw new CertificateNotFoundError();
    return verifiedJson(check.certificate);
  }

  @Public()
  @Post('file')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check whether a PDF is an unaltered certificate issued here (public)',
    description:
      'Compares the file’s SHA-256 with every certificate’s; the file is not kept. At most 1 MB. 429 when the address checks too often.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { [VERIFY_FILE_FIELD]: { type: 'string', format: 'binary' } }, required: [VERIFY_FILE_FIELD] },
  })
  @ApiOk(fileCheckBody)
  @ApiErrorResponses(429)
  async byFile(@CurrentActor() actor: Actor, @Req() req: Request) {
    return fileCheckJson(await this.verification.byFile(actor, uploadFromRequest(req)));
  }

  @Public()
  @Post('badge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check an Open Badge someone holds: signed here, unaltered, and its certificate’s status (public)',
    description:
      'The body is the badge’s JSON as downloaded (Content-Type: application/json, at most ' +
      `${BADGE_MAX_BYTES / 1024} KB). Its Data Integrity proof is checked with the platform’s keys, then the certificate ` +
      'it names is looked up: valid, revoked or replaced as it is now. Only what the certificate states comes back. 400 when ' +
      'the body is not an Open Badges credential; 429 when the address checks too often.',
  })
  @ApiBody({ description: 'An OpenBadgeCredential with its proof.', schema: { type: 'object', additionalProperties: true } })
  @ApiOk(badgeCheckBody)
  @ApiErrorResponses(429)
  async byBadge(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return badgeCheckJson(await this.verification.byBadge(actor, body));
  }
}
