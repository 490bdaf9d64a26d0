import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { AttendanceApiController } from './attendance-api.controller';
import { AttendancePagesController } from './attendance-pages.controller';
import { AttendanceStatsService } from './attendance-stats.service';
import { AttendanceWarnings } from './attendance-warnings';
import { AttendanceService } from './attendance.service';

/** Taking attendance, attendance percentages and the below-minimum warning (web process). */
@Module({
  imports: [SessionsModule],
  controllers: [AttendancePagesController, AttendanceApiController],
  providers: [AttendanceService, AttendanceStatsService, AttendanceWarnings],
  exports: [AttendanceStatsService],
})
export class AttendanceModule {}
