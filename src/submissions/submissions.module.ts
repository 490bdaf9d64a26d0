import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { AssignmentTraineesService } from './assignment-trainees.service';
import { MyAssignmentsService } from './my-assignments.service';
import { SubmissionFilesService } from './submission-files.service';
import { SubmissionPagesService } from './submission-pages.service';
import { SubmissionReceipts } from './submission-receipts';
import { SubmissionRecords } from './submission-records.service';
import { SubmissionsApiController } from './submissions-api.controller';
import { SubmissionsPagesController } from './submissions-pages.controller';
import { SubmissionsService } from './submissions.service';

/** Trainees' work on assignments: drafts, submitted versions, files and receipts (web process). */
@Module({
  imports: [AssignmentsModule],
  controllers: [SubmissionsPagesController, SubmissionsApiController],
  providers: [
    SubmissionsService,
    SubmissionRecords,
    SubmissionFilesService,
    SubmissionReceipts,
    MyAssignmentsService,
    AssignmentTraineesService,
    SubmissionPagesService,
  ],
  exports: [SubmissionsService, SubmissionRecords, SubmissionFilesService, SubmissionPagesService, MyAssignmentsService],
})
export class SubmissionsModule {}
