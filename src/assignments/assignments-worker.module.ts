import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { GradingWorkerModule } from '../grading/grading-worker.module';
import { AssignmentNotices } from './assignment-notices';
import { AssignmentRecords } from './assignment-records.service';
import { ASSIGNMENT_REMINDERS_QUEUE, AssignmentRemindersProcessor, AssignmentRemindersScheduler } from './assignment-reminders.processor';
import { AssignmentRemindersService } from './assignment-reminders.service';
import { NotificationsModule } from '../notifications/notifications.module';

/** Due-date reminders, overdue notices and the instructors' daily digest: worker process only. */
@Module({
  imports: [NotificationsModule, BullModule.registerQueue({ name: ASSIGNMENT_REMINDERS_QUEUE }), GradingWorkerModule],
  providers: [AssignmentNotices, AssignmentRecords, AssignmentRemindersService, AssignmentRemindersScheduler, AssignmentRemindersProcessor],
  exports: [AssignmentRemindersService],
})
export class AssignmentsWorkerModule {}
