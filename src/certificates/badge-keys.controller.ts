import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/access.decorators';
import { ApiErrorResponses, ApiOkAs } from '../common/api-docs';
import { didDocumentBody, jsonWebKeySetBody } from './certificate.responses';
import { OpenBadgeService } from './open-badge.service';

/** Outside verifiers and wallets fetch these from anywhere, browsers included; a key change shows within minutes. */
function publicKeys(res: Response, type: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Cache-Control', 'public, max-age=300');
}

/**
 * The keys that sign certificates' Open Badges, for anyone who checks a badge without asking this platform: the
 * issuer's did:web document (its proofs' verification methods resolve to it) and the same keys as a JWK set.
 */
@ApiTags('certificates')
@Controller('.well-known')
export class BadgeKeysController {
  constructor(private readonly badges: OpenBadgeService) {}

  @Public()
  @Get('did.json')
  @ApiOperation({
    summary: 'The issuer’s DID document (did:web): the public keys that sign Open Badges (public)',
    description: 'Every key that still verifies badges, as a Multikey for assertions. 404 when badges are not offered.',
  })
  @ApiOkAs(didDocumentBody, 'application/did+ld+json')
  @ApiErrorResponses(404)
  did(@Res({ passthrough: true }) res: Response) {
    const document = this.badges.didDocument();
    publicKeys(res, 'application/did+ld+json');
    return document;
  }

  @Public()
  @Get('jwks.json')
  @ApiOperation({
    summary: 'The same keys as a JSON Web Key Set (public)',
    description: 'Ed25519 (OKP) public keys, each `kid` its verification method in the DID document. 404 when badges are not offered.',
  })
  @ApiOkAs(jsonWebKeySetBody, 'application/jwk-set+json')
  @ApiErrorResponses(404)
  jwks(@Res({ passthrough: true }) res: Response) {
    const keys = this.badges.jwks();
    publicKeys(res, 'application/jwk-set+json');
    return keys;
  }
}
