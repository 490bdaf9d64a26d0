import { Module } from '@nestjs/common';
import { CompletionModule } from '../completion/completion.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AttendanceApiController } from './attendance-api.controller';
import { AttendancePagesController } from './attendance-pages.controller';
import { AttendanceRecords } from './attendance-records.service';
import { AttendanceStatsService } from './attendance-stats.service';
import { AttendanceWarnings } from './attendance-warnings';
import { AttendanceService } from './attendance.service';
import { NotificationsModule } from '../notifications/notifications.module';

/** Taking attendance, attendance percentages and the below-minimum warning (web process). */
@Module({
  imports: [NotificationsModule, SessionsModule, CompletionModule],
  controllers: [AttendancePagesController, AttendanceApiController],
  providers: [AttendanceRecords, AttendanceService, AttendanceStatsService, AttendanceWarnings],
  exports: [AttendanceStatsService],
})
export class AttendanceModule {}
