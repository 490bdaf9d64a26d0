import { Module } from '@nestjs/common';
import { GradingRecords } from './grading-records.service';
import { GradingDigest } from './grading-digest';
import { NotificationsModule } from '../notifications/notifications.module';

/** The instructors' daily digest of work waiting for a grade: worker process only. */
@Module({
  imports: [NotificationsModule],
  providers: [GradingRecords, GradingDigest],
  exports: [GradingDigest],
})
export class GradingWorkerModule {}
