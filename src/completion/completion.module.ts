import { Module } from '@nestjs/common';
import { CompletionRecords } from './completion-records.service';
import { CompletionService } from './completion.service';

/**
 * Re-evaluating completion (both processes): imported by every feature whose changes affect it — sessions,
 * attendance, assignments, grading, exams, parts, enrolments — which call `CompletionService.reevaluate` in
 * their own unit of work. It depends on no feature module, so any of them can import it.
 */
@Module({
  providers: [CompletionRecords, CompletionService],
  exports: [CompletionRecords, CompletionService],
})
export class CompletionModule {}
