import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SessionRemindersProcessor, SessionRemindersScheduler, SESSION_REMINDERS_QUEUE } from './session-reminders.processor';
import { SessionRecords } from './session-records.service';
import { SessionRemindersService } from './session-reminders.service';
import { NotificationsModule } from '../notifications/notifications.module';

/** The reminder scan: worker process only. */
@Module({
  imports: [NotificationsModule, BullModule.registerQueue({ name: SESSION_REMINDERS_QUEUE })],
  providers: [SessionRemindersService, SessionRemindersScheduler, SessionRemindersProcessor, SessionRecords],
  exports: [SessionRemindersService],
})
export class SessionsWorkerModule {}
