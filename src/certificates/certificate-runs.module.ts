import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CertificateRunRecords } from './certificate-run-records.service';
import { CERTIFICATE_RUN_QUEUE } from './certificate-runs.constants';
import { CertificateRunsService } from './certificate-runs.service';
import { CertificatesModule } from './certificates.module';

/** Certificate runs, for both processes: the web starts and shows them, the worker runs them. */
@Module({
  imports: [CertificatesModule, BullModule.registerQueue({ name: CERTIFICATE_RUN_QUEUE })],
  providers: [CertificateRunRecords, CertificateRunsService],
  exports: [CertificatesModule, CertificateRunRecords, CertificateRunsService],
})
export class CertificateRunsModule {}
