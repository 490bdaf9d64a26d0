import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { AttemptSubmission } from './attempt-submission.service';
import { ExamAccess } from './exam-access.service';
import { ExamAttemptsService } from './exam-attempts.service';
import { ExamRecords } from './exam-records.service';
import { EXAM_DEADLINE_QUEUE } from './exams.constants';
import { ExamsApiController } from './exams-api.controller';
import { ExamsPagesController } from './exams-pages.controller';
import { AttemptPagesController } from './attempt-pages.controller';
import { ExamsService } from './exams.service';
import { MyExamsService } from './my-exams.service';
import { CompletionModule } from '../completion/completion.module';

/** Exams of cohorts: set-up, accommodations and taking them online (web process). */
@Module({
  imports: [CohortAccessModule, CompletionModule, BullModule.registerQueue({ name: EXAM_DEADLINE_QUEUE })],
  controllers: [ExamsApiController, ExamsPagesController, AttemptPagesController],
  providers: [ExamsService, ExamAttemptsService, AttemptSubmission, ExamAccess, ExamRecords, MyExamsService],
  exports: [ExamsService, ExamAttemptsService, AttemptSubmission, ExamAccess, ExamRecords, MyExamsService],
})
export class ExamsModule {}
