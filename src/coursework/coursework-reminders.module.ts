import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CourseworkNotifications } from './coursework-notifications';
import { GradingDigest } from './coursework-notifications-digest';
import { COURSEWORK_REMINDERS_QUEUE, CourseworkRemindersProcessor, CourseworkRemindersScheduler } from './coursework-reminders.processor';
import { CourseworkRemindersService } from './coursework-reminders.service';

/** Due-date reminders, overdue notices and the instructors' daily digest: worker process only. */
@Module({
  imports: [BullModule.registerQueue({ name: COURSEWORK_REMINDERS_QUEUE })],
  providers: [CourseworkNotifications, GradingDigest, CourseworkRemindersService, CourseworkRemindersScheduler, CourseworkRemindersProcessor],
  exports: [CourseworkRemindersService],
})
export class CourseworkRemindersModule {}
