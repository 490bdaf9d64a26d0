import { Module } from '@nestjs/common';
import { RedisModule } from '../redis/redis.module';
import { CertificateReads } from './certificate-reads.service';
import { CertificateTemplatesApiController } from './certificate-templates-api.controller';
import { CertificateTemplatesPagesController } from './certificate-templates-pages.controller';
import { CertificatesApiController } from './certificates-api.controller';
import { CertificatesPagesController } from './certificates-pages.controller';
import { CertificatesModule } from './certificates.module';
import { VerificationApiController } from './verification-api.controller';
import { VerificationPagesController } from './verification-pages.controller';
import { VerificationRateLimiter } from './verification-rate-limiter';
import { VerificationService } from './verification.service';

/** Certificates' pages and API: templates, issuing, revoking, the holder's list and the public verification. */
@Module({
  imports: [CertificatesModule, RedisModule],
  controllers: [
    CertificateTemplatesPagesController,
    CertificateTemplatesApiController,
    CertificatesPagesController,
    CertificatesApiController,
    VerificationPagesController,
    VerificationApiController,
  ],
  providers: [CertificateReads, VerificationService, VerificationRateLimiter],
})
export class CertificatesWebModule {}
