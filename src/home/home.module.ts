import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { CertificatesWebModule } from '../certificates/certificates-web.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CompletionWebModule } from '../completion/completion-web.module';
import { ExamMarkingModule } from '../exams/exam-marking.module';
import { ExamsModule } from '../exams/exams.module';
import { GradingModule } from '../grading/grading.module';
import { NotificationsWebModule } from '../notifications/notifications-web.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { AdminDashboardService } from './admin-dashboard.service';
import { DashboardApiController } from './dashboard-api.controller';
import { DashboardService } from './dashboard.service';
import { HomeController } from './home.controller';
import { InstructorDashboardService } from './instructor-dashboard.service';
import { TraineeDashboardService } from './trainee-dashboard.service';

/** The home page and its API: each role's panels, read through the features' own services. */
@Module({
  imports: [
    SessionsModule,
    SubmissionsModule,
    ExamsModule,
    ExamMarkingModule,
    CompletionWebModule,
    CertificatesWebModule,
    AttendanceModule,
    GradingModule,
    CohortsModule,
    NotificationsWebModule,
    ProgrammesModule,
  ],
  controllers: [HomeController, DashboardApiController],
  providers: [DashboardService, TraineeDashboardService, InstructorDashboardService, AdminDashboardService],
})
export class HomeModule {}
