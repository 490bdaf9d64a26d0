import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CertificateRunner } from './certificate-runner.service';
import { CERTIFICATE_RUN_SWEEP_QUEUE } from './certificate-runs.constants';
import { CertificateRunProcessor, CertificateRunSweeper, CertificateRunSweepProcessor } from './certificate-runs.processor';
import { CertificateRunsModule } from './certificate-runs.module';

/** Running certificate runs and taking up interrupted ones: worker process only. */
@Module({
  imports: [CertificateRunsModule, BullModule.registerQueue({ name: CERTIFICATE_RUN_SWEEP_QUEUE })],
  providers: [CertificateRunner, CertificateRunProcessor, CertificateRunSweeper, CertificateRunSweepProcessor],
  exports: [CertificateRunner, CertificateRunSweeper],
})
export class CertificateRunsWorkerModule {}
