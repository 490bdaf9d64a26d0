import { Module } from '@nestjs/common';
import { GradingRecords } from './grading-records.service';
import { AssignmentsModule } from '../assignments/assignments.module';
import { CompletionModule } from '../completion/completion.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { GradesApiController } from './grades-api.controller';
import { GradesService } from './grades.service';
import { GradingPagesController } from './grading-pages.controller';
import { GradingQueueService } from './grading-queue.service';
import { GradingReleaseService } from './grading-release.service';
import { GradingZipService } from './grading-zip.service';
import { StorageModule } from '../storage/storage.module';

/** Grading handed-in work: the queue, grades and feedback, returning for revision, release (web process). */
@Module({
  imports: [StorageModule, AssignmentsModule, SubmissionsModule, CompletionModule],
  controllers: [GradingPagesController, GradesApiController],
  providers: [GradingRecords, GradesService, GradingQueueService, GradingReleaseService, GradingZipService],
  exports: [GradingQueueService],
})
export class GradingModule {}
