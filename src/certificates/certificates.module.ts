import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { StorageModule } from '../storage/storage.module';
import { CertificateAccess } from './certificate-access.service';
import { CertificateDocuments } from './certificate-documents';
import { CertificateNotices } from './certificate-notices';
import { CertificateRecords } from './certificate-records.service';
import { CertificateSigningModule } from './certificate-signing.module';
import { CertificateTemplatesService } from './certificate-templates.service';
import { CertificatesService } from './certificates.service';

const services = [
  CertificateTemplatesService,
  CertificatesService,
  CertificateAccess,
  CertificateDocuments,
  CertificateNotices,
  CertificateRecords,
];

/** Certificates' services, shared by the web process (pages and API) and the worker (issuing a cohort in the background). */
@Module({
  imports: [ProgrammesModule, CohortAccessModule, StorageModule, NotificationsModule, CertificateSigningModule],
  providers: services,
  exports: [...services, ProgrammesModule, StorageModule],
})
export class CertificatesModule {}
