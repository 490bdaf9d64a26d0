import { Module } from '@nestjs/common';
import { AttendanceWorkerModule } from './attendance/attendance-worker.module';
import { CoreModule } from './core.module';
import { CourseworkRemindersModule } from './coursework/coursework-reminders.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { SessionsWorkerModule } from './sessions/sessions-worker.module';
import { StorageCleanupModule } from './storage/storage-cleanup.module';

/** The background process: BullMQ processors and job schedulers, no HTTP. */
@Module({
  imports: [CoreModule, NotificationsWorkerModule, StorageCleanupModule, SessionsWorkerModule, CourseworkRemindersModule, AttendanceWorkerModule],
})
export class WorkerModule {}
