import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { AttemptSubmission } from './attempt-submission.service';
import { ExamDeadlineProcessor, ExamDeadlineSweeper, ExamDeadlineSweepProcessor } from './exam-deadlines';
import { ExamRecords } from './exam-records.service';
import { EXAM_DEADLINE_QUEUE, EXAM_SWEEP_QUEUE } from './exams.constants';
import { CompletionModule } from '../completion/completion.module';

/** Submitting attempts at their deadline: the timed jobs and the sweeper (worker process only). */
@Module({
  imports: [CohortAccessModule, CompletionModule, BullModule.registerQueue({ name: EXAM_DEADLINE_QUEUE }, { name: EXAM_SWEEP_QUEUE })],
  providers: [AttemptSubmission, ExamRecords, ExamDeadlineProcessor, ExamDeadlineSweeper, ExamDeadlineSweepProcessor],
  exports: [ExamDeadlineSweeper, AttemptSubmission],
})
export class ExamsWorkerModule {}
