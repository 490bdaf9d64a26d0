import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SessionRemindersProcessor, SessionRemindersScheduler, SESSION_REMINDERS_QUEUE } from './session-reminders.processor';
import { SessionRemindersService } from './session-reminders.service';

/** The reminder scan: worker process only. */
@Module({
  imports: [BullModule.registerQueue({ name: SESSION_REMINDERS_QUEUE })],
  providers: [SessionRemindersService, SessionRemindersScheduler, SessionRemindersProcessor],
  exports: [SessionRemindersService],
})
export class SessionsWorkerModule {}
