import { Module } from '@nestjs/common';
import { GradingDigest } from './grading-digest';
import { NotificationsModule } from '../notifications/notifications.module';

/** The instructors' daily digest of work waiting for a grade: worker process only. */
@Module({
  imports: [NotificationsModule],
  providers: [GradingDigest],
  exports: [GradingDigest],
})
export class GradingWorkerModule {}
