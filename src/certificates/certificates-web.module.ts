import { Module } from '@nestjs/common';
import { RedisModule } from '../redis/redis.module';
import { ReportsModule } from '../reports/reports.module';
import { BadgeKeysController } from './badge-keys.controller';
import { CertificateArchive } from './certificate-archive.service';
import { CertificateReads } from './certificate-reads.service';
import { CertificateRegisterApiController } from './certificate-register-api.controller';
import { CertificateRegisterPagesController } from './certificate-register-pages.controller';
import { CertificateTemplatesApiController } from './certificate-templates-api.controller';
import { CertificateTemplatesPagesController } from './certificate-templates-pages.controller';
import { CertificatesApiController } from './certificates-api.controller';
import { CertificatesPagesController } from './certificates-pages.controller';
import { CertificatesModule } from './certificates.module';
import { CertificateRunsApiController } from './certificate-runs-api.controller';
import { CertificateRunsModule } from './certificate-runs.module';
import { CertificateRunsPagesController } from './certificate-runs-pages.controller';
import { VerificationApiController } from './verification-api.controller';
import { VerificationPagesController } from './verification-pages.controller';
import { VerificationRateLimiter } from './verification-rate-limiter';
import { VerificationService } from './verification.service';

/**
 * Certificates' pages and API: templates, issuing (one, or a cohort's in a background run), revoking, the holder's
 * list, the register and a cohort's ZIP (written to files by the reports' exports), the public verification, and
 * the keys that sign their Open Badges.
 */
@Module({
  imports: [CertificatesModule, CertificateRunsModule, ReportsModule, RedisModule],
  controllers: [
    CertificateTemplatesPagesController,
    CertificateTemplatesApiController,
    CertificatesPagesController,
    CertificatesApiController,
    CertificateRegisterPagesController,
    CertificateRegisterApiController,
    CertificateRunsPagesController,
    CertificateRunsApiController,
    VerificationPagesController,
    VerificationApiController,
    BadgeKeysController,
  ],
  providers: [CertificateReads, CertificateArchive, VerificationService, VerificationRateLimiter],
  exports: [CertificateReads],
})
export class CertificatesWebModule {}
