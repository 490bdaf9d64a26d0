import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AttendanceDigest } from './attendance-digest';
import { AttendanceDigestProcessor, AttendanceDigestScheduler, ATTENDANCE_DIGEST_QUEUE } from './attendance-digest.processor';
import { AttendanceRecords } from './attendance-records.service';
import { AttendanceStatsService } from './attendance-stats.service';
import { NotificationsModule } from '../notifications/notifications.module';

/** The administrators' daily attendance digest: worker process only. */
@Module({
  imports: [NotificationsModule, BullModule.registerQueue({ name: ATTENDANCE_DIGEST_QUEUE })],
  providers: [AttendanceRecords, AttendanceStatsService, AttendanceDigest, AttendanceDigestScheduler, AttendanceDigestProcessor],
  exports: [AttendanceDigest],
})
export class AttendanceWorkerModule {}
