import { Module } from '@nestjs/common';
import { CohortAccessModule } from '../cohorts/cohort-access.module';
import { CompletionAccess } from './completion-access.service';
import { CompletionApiController } from './completion-api.controller';
import { CompletionChangesService } from './completion-changes.service';
import { CompletionPagesController } from './completion-pages.controller';
import { CompletionModule } from './completion.module';

/** Completion's pages and API (web process): the trainee's progress, the cohort's table, setting by hand, closing. */
@Module({
  imports: [CompletionModule, CohortAccessModule],
  controllers: [CompletionPagesController, CompletionApiController],
  providers: [CompletionAccess, CompletionChangesService],
  exports: [CompletionAccess],
})
export class CompletionWebModule {}
