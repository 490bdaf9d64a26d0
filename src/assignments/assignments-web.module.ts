import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { AssignmentsApiController } from './assignments-api.controller';
import { AssignmentsPagesController } from './assignments-pages.controller';
import { AssignmentsModule } from './assignments.module';

/**
 * The assignments' pages and API, in the web process only. A module of its own because an assignment's page
 * shows the trainee's own work, which the SubmissionsModule reads, and that module builds on this feature's.
 */
@Module({
  imports: [AssignmentsModule, SubmissionsModule],
  controllers: [AssignmentsPagesController, AssignmentsApiController],
})
export class AssignmentsWebModule {}
