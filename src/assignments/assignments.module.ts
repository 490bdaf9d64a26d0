import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { CompletionModule } from '../completion/completion.module';
import { AssignmentAccess } from './assignment-access.service';
import { AssignmentAttachmentsService } from './assignment-attachments.service';
import { AssignmentNotices } from './assignment-notices';
import { AssignmentRecords } from './assignment-records.service';
import { AssignmentsService } from './assignments.service';
import { ExtensionsService } from './extensions.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { StorageModule } from '../storage/storage.module';

/** Assignments of a cohort or a part, their attachments and trainees' extensions; who may see and manage them. */
@Module({
  imports: [StorageModule, NotificationsModule, CohortAccessModule, CompletionModule],
  providers: [AssignmentsService, AssignmentAttachmentsService, AssignmentAccess, AssignmentRecords, AssignmentNotices, ExtensionsService],
  exports: [AssignmentsService, AssignmentAttachmentsService, AssignmentAccess, AssignmentRecords, AssignmentNotices, ExtensionsService],
})
export class AssignmentsModule {}
