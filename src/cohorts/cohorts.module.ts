import { Module } from '@nestjs/common';
import { CompletionModule } from '../completion/completion.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '../programmes/programmes.module';
import { UsersModule } from '../users/users.module';
import { CohortAccessModule } from './cohort-access.module';
import { Cohort } from './cohort.entity';
import { CohortsApiController } from './cohorts-api.controller';
import { CohortsPagesController } from './cohorts-pages.controller';
import { CohortsService } from './cohorts.service';
import { EnrolmentEmails } from './enrolment-emails';
import { EnrolmentImportService } from './enrolment-import.service';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsPagesController } from './enrolments-pages.controller';
import { EnrolmentsService } from './enrolments.service';
import { MyPagesController } from './my-pages.controller';
import { WaitingList } from './waiting-list';
import { NotificationsModule } from '../notifications/notifications.module';

@Module({
  imports: [
    NotificationsModule,
    TypeOrmModule.forFeature([Cohort, Enrolment]),
    CohortAccessModule,
    ProgrammesModule,
    UsersModule,
    CompletionModule,
  ],
  controllers: [CohortsPagesController, EnrolmentsPagesController, MyPagesController, CohortsApiController],
  providers: [CohortsService, EnrolmentsService, EnrolmentImportService, EnrolmentEmails, WaitingList],
  exports: [CohortsService, EnrolmentsService, CohortAccessModule],
})
export class CohortsModule {}
