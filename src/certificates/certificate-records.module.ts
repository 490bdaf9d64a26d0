import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { CertificateAccess } from './certificate-access.service';
import { CertificateRecords } from './certificate-records.service';
import { CertificateRegister } from './certificate-register.service';

const providers = [CertificateAccess, CertificateRecords, CertificateRegister];

/**
 * Certificates' SQL, their access rule and the register they make: for the certificates' own modules, and for the
 * reports, which write the register to a file (at once or in the background).
 */
@Module({ imports: [CohortAccessModule], providers, exports: providers })
export class CertificateRecordsModule {}
