import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CourseworkModule } from '../coursework/coursework.module';
import { NotificationsWebModule } from '../notifications/notifications-web.module';
import { SessionsModule } from '../sessions/sessions.module';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

@Module({
  imports: [SessionsModule, CourseworkModule, CohortsModule, NotificationsWebModule],
  controllers: [HomeController],
  providers: [HomeService],
})
export class HomeModule {}
