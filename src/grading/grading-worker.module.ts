import { Module } from '@nestjs/common';
import { GradingDigest } from './grading-digest';

/** The instructors' daily digest of work waiting for a grade: worker process only. */
@Module({
  providers: [GradingDigest],
  exports: [GradingDigest],
})
export class GradingWorkerModule {}
