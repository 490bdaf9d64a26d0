import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { CertificateRecords } from './certificate-records.service';
import { CertificateTemplatesService } from './certificate-templates.service';

/** Certificates' services, shared by the web process (pages and API) and the worker (issuing a cohort in the background). */
@Module({
  imports: [ProgrammesModule],
  providers: [CertificateTemplatesService, CertificateRecords],
  exports: [CertificateTemplatesService, CertificateRecords, ProgrammesModule],
})
export class CertificatesModule {}
