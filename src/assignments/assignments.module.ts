import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { AssignmentAccess } from './assignment-access.service';
import { AssignmentAttachmentsService } from './assignment-attachments.service';
import { AssignmentNotices } from './assignment-notices';
import { AssignmentsService } from './assignments.service';
import { ExtensionsService } from './extensions.service';

/** Assignments of a cohort or a part, their attachments and trainees' extensions; who may see and manage them. */
@Module({
  imports: [CohortAccessModule],
  providers: [AssignmentsService, AssignmentAttachmentsService, AssignmentAccess, AssignmentNotices, ExtensionsService],
  exports: [AssignmentsService, AssignmentAttachmentsService, AssignmentAccess, AssignmentNotices, ExtensionsService],
})
export class AssignmentsModule {}
