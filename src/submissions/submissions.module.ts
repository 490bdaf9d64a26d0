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
import { NotificationsModule } from '../notifications/notifications.module';
import { StorageModule } from '../storage/storage.module';

/** Trainees' work on assignments: drafts, submitted versions, files and receipts (web process). */
@Module({
  imports: [StorageModule, NotificationsModule, AssignmentsModule],
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
