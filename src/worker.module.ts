import { Module } from '@nestjs/common';
import { AssignmentsWorkerModule } from './assignments/assignments-worker.module';
import { AttendanceWorkerModule } from './attendance/attendance-worker.module';
import { CoreModule } from './core.module';
import { ExamsWorkerModule } from './exams/exams-worker.module';
import { ExamNoticesWorkerModule } from './exams/exam-notices-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { SessionsWorkerModule } from './sessions/sessions-worker.module';
import { StorageCleanupModule } from './storage/storage-cleanup.module';

/** The background process: BullMQ processors and job schedulers, no HTTP. */
@Module({
  imports: [
    CoreModule,
    NotificationsWorkerModule,
    StorageCleanupModule,
    SessionsWorkerModule,
    AssignmentsWorkerModule,
    AttendanceWorkerModule,
    ExamsWorkerModule,
    ExamNoticesWorkerModule,
  ],
})
export class WorkerModule {}
