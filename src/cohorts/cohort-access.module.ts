import { Module } from '@nestjs/common';
import { CohortAccessService } from './cohort-access.service';
import { CohortRecords } from './cohort-records.service';

/** Who may see or teach which cohort; imported by every feature that shows cohort data. */
@Module({ providers: [CohortAccessService, CohortRecords], exports: [CohortAccessService, CohortRecords] })
export class CohortAccessModule {}
