import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { GradingModule } from '../grading/grading.module';
import { NotificationsWebModule } from '../notifications/notifications-web.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

@Module({
  imports: [SessionsModule, SubmissionsModule, GradingModule, CohortsModule, NotificationsWebModule],
  controllers: [HomeController],
  providers: [HomeService],
})
export class HomeModule {}
