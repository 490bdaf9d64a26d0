import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AssignmentsWebModule } from './assignments/assignments-web.module';
import { AttendanceModule } from './attendance/attendance.module';
import { AuditWebModule } from './audit/audit-web.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CertificatesWebModule } from './certificates/certificates-web.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { CompletionWebModule } from './completion/completion-web.module';
import { AccessGuard } from './common/access.guard';
import { ControlCharactersPipe } from './common/control-characters.pipe';
import { AllExceptionsFilter } from './common/exception.filter';
import { queuesRegisteredUnder } from './common/queue-dashboard';
import { RouteIndex } from './common/route-index';
import { CoreModule } from './core.module';
import { QuestionBankModule } from './exams/question-bank.module';
import { ExamsModule } from './exams/exams.module';
import { ExamSheetModule } from './exams/exam-sheet.module';
import { ExamMarkingModule } from './exams/exam-marking.module';
import { GradingModule } from './grading/grading.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { MaterialsModule } from './materials/materials.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { NotificationsWebModule } from './notifications/notifications-web.module';
import { SessionsModule } from './sessions/sessions.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { UsersModule } from './users/users.module';
import { UsersWebModule } from './users/users-web.module';
import { WorkerModule } from './worker.module';
import { ReportsWebModule } from './reports/reports-web.module';

const features = [
  CoreModule,
  UsersModule,
  AuthModule,
  HealthModule,
  HomeModule,
  NotificationsWebModule,
  UsersWebModule,
  ProgrammesModule,
  CohortsModule,
  MaterialsModule,
  SessionsModule,
  AttendanceModule,
  AuditWebModule,
  CalendarModule,
  AssignmentsWebModule,
  SubmissionsModule,
  GradingModule,
  QuestionBankModule,
  ExamsModule,
  ExamSheetModule,
  ExamMarkingModule,
  CompletionWebModule,
  CertificatesWebModule,
  ReportsWebModule,
];
/** The worker's own queues, known here too so the queue dashboard shows every queue of the platform. */
const workerQueues = queuesRegisteredUnder(WorkerModule).filter((name) => !queuesRegisteredUnder(...features).includes(name));

/** The HTTP process: pages and the JSON API. */
@Module({
  imports: [...features, BullModule.registerQueue(...workerQueues.map((name) => ({ name })))],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useClass: ControlCharactersPipe },
    RouteIndex,
  ],
})
export class WebModule {}
