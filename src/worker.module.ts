import { Module } from '@nestjs/common';
import { AssignmentsWorkerModule } from './assignments/assignments-worker.module';
import { AuthWorkerModule } from './auth/auth-worker.module';
import { AttendanceWorkerModule } from './attendance/attendance-worker.module';
import { CompletionWorkerModule } from './completion/completion-worker.module';
import { CertificateRunsWorkerModule } from './certificates/certificate-runs-worker.module';
import { CoreModule } from './core.module';
import { ExamsWorkerModule } from './exams/exams-worker.module';
import { ExamNoticesWorkerModule } from './exams/exam-notices-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { SessionsWorkerModule } from './sessions/sessions-worker.module';
import { StorageWorkerModule } from './storage/storage-worker.module';
import { ReportsWorkerModule } from './reports/reports-worker.module';

/** The background process: BullMQ processors and job schedulers, no HTTP. */
@Module({
  imports: [
    CoreModule,
    NotificationsWorkerModule,
    AuthWorkerModule,
    StorageWorkerModule,
    SessionsWorkerModule,
    AssignmentsWorkerModule,
    AttendanceWorkerModule,
    ExamsWorkerModule,
    ExamNoticesWorkerModule,
    ReportsWorkerModule,
    CompletionWorkerModule,
    CertificateRunsWorkerModule,
  ],
})
export class WorkerModule {}
