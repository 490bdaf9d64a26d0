import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ReportReadsModule } from '../database/report-reads';
import { ExamMarkingRecords } from './exam-marking-records.service';
import { EXAM_NOTICES_QUEUE, ExamNoticesProcessor, ExamNoticesScheduler } from './exam-notices.processor';
import { ExamNoticesService } from './exam-notices.service';
import { NotificationsModule } from '../notifications/notifications.module';

/** The exam notice scan (opening soon, closing soon): worker process only. */
@Module({
  imports: [NotificationsModule, ReportReadsModule, BullModule.registerQueue({ name: EXAM_NOTICES_QUEUE })],
  providers: [ExamMarkingRecords, ExamNoticesService, ExamNoticesScheduler, ExamNoticesProcessor],
  exports: [ExamNoticesService],
})
export class ExamNoticesWorkerModule {}
