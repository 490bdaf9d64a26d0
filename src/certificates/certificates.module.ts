import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { StorageModule } from '../storage/storage.module';
import { CertificateBadges } from './certificate-badges.service';
import { CertificateDocuments } from './certificate-documents';
import { CertificateNotices } from './certificate-notices';
import { CertificateRecordsModule } from './certificate-records.module';
import { CertificateRenderer } from './certificate-renderer';
import { CertificateWriter } from './certificate-writer';
import { CertificateSigningModule } from './certificate-signing.module';
import { CertificateTemplatesService } from './certificate-templates.service';
import { CertificatesService } from './certificates.service';

const services = [
  CertificateTemplatesService,
  CertificatesService,
  CertificateBadges,
  CertificateDocuments,
  CertificateNotices,
  CertificateRenderer,
  CertificateWriter,
];

/** Certificates' services, shared by the web process (pages and API) and the worker (issuing a cohort in the background). */
@Module({
  imports: [ProgrammesModule, CertificateRecordsModule, StorageModule, NotificationsModule, CertificateSigningModule],
  providers: services,
  exports: [...services, CertificateRecordsModule, ProgrammesModule, StorageModule, CertificateSigningModule],
})
export class CertificatesModule {}
