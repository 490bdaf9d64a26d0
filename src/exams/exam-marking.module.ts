import { Module } from '@nestjs/common';
import { ExamMarkingApiController } from './exam-marking-api.controller';
import { ExamMarkingPagesController } from './exam-marking-pages.controller';
import { ExamMarkingRecords } from './exam-marking-records.service';
import { ExamMarkingService } from './exam-marking.service';
import { ExamReleaseService } from './exam-release.service';
import { ExamRemarksService } from './exam-remarks.service';
import { ReportReadsModule } from '../database/report-reads';
import { ExamStatisticsService } from './exam-statistics.service';
import { ExamsModule } from './exams.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CompletionModule } from '../completion/completion.module';

/** Marking exams by hand, fixing keys, overriding and releasing results, statistics (web process). */
@Module({
  imports: [NotificationsModule, ExamsModule, CompletionModule, ReportReadsModule],
  controllers: [ExamMarkingPagesController, ExamMarkingApiController],
  providers: [ExamMarkingRecords, ExamMarkingService, ExamRemarksService, ExamReleaseService, ExamStatisticsService],
  exports: [ExamMarkingService, ExamReleaseService],
})
export class ExamMarkingModule {}
