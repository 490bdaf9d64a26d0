import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { AssignmentAttachmentsService } from './assignment-attachments.service';
import { AssignmentTraineesService } from './assignment-trainees.service';
import { AssignmentsApiController } from './assignments-api.controller';
import { AssignmentsPagesController } from './assignments-pages.controller';
import { AssignmentsService } from './assignments.service';
import { CourseworkAccess } from './coursework-access.service';
import { CourseworkNotifications } from './coursework-notifications';
import { CourseworkPagesService } from './coursework-pages.service';
import { ExtensionsService } from './extensions.service';
import { GradesApiController } from './grades-api.controller';
import { GradesService } from './grades.service';
import { GradingPagesController } from './grading-pages.controller';
import { GradingQueueService } from './grading-queue.service';
import { GradingReleaseService } from './grading-release.service';
import { GradingZipService } from './grading-zip.service';
import { MyAssignmentsService } from './my-assignments.service';
import { SubmissionFilesService } from './submission-files.service';
import { SubmissionReceipts } from './submission-receipts';
import { SubmissionRecords } from './submission-records.service';
import { SubmissionsApiController } from './submissions-api.controller';
import { SubmissionsPagesController } from './submissions-pages.controller';
import { SubmissionsService } from './submissions.service';

/** Independent work: assignments, trainees' submissions and extensions, grading (web process). */
@Module({
  imports: [CohortAccessModule],
  controllers: [AssignmentsPagesController, SubmissionsPagesController, AssignmentsApiController, SubmissionsApiController, GradingPagesController, GradesApiController],
  providers: [
    AssignmentsService,
    AssignmentAttachmentsService,
    AssignmentTraineesService,
    CourseworkAccess,
    CourseworkNotifications,
    CourseworkPagesService,
    ExtensionsService,
    GradesService,
    GradingQueueService,
    GradingReleaseService,
    GradingZipService,
    MyAssignmentsService,
    SubmissionFilesService,
    SubmissionReceipts,
    SubmissionRecords,
    SubmissionsService,
  ],
  exports: [AssignmentsService, CourseworkAccess, CourseworkNotifications, ExtensionsService, GradingQueueService, MyAssignmentsService, SubmissionFilesService, SubmissionRecords, SubmissionsService],
})
export class CourseworkModule {}
