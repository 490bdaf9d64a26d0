import { Module } from '@nestjs/common';
import { CohortAccessService } from './cohort-access.service';

/** Who may see or teach which cohort; imported by every feature that shows cohort data. */
@Module({ providers: [CohortAccessService], exports: [CohortAccessService] })
export class CohortAccessModule {}
