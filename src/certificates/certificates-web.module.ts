import { Module } from '@nestjs/common';
import { CertificateTemplatesApiController } from './certificate-templates-api.controller';
import { CertificateTemplatesPagesController } from './certificate-templates-pages.controller';
import { CertificatesModule } from './certificates.module';

/** Certificates' pages and API: templates, issuing, revoking, the holder's list and public verification. */
@Module({
  imports: [CertificatesModule],
  controllers: [CertificateTemplatesPagesController, CertificateTemplatesApiController],
})
export class CertificatesWebModule {}
