import { z } from 'zod';
import { reason } from '../common/schemas';
import { CRITERIA } from './enrolment-completion.entity';

export const MAX_MANUAL_REASON_LENGTH = 1000;

/** What an administrator sets: completed, not completed, or back to what the rule says (clearing the hand). */
export const MANUAL_CHOICES = ['completed', 'not_completed', 'rule'] as const;
export type ManualChoice = (typeof MANUAL_CHOICES)[number];

export const manualCompletionSchema = z.strictObject({
  state: z.enum(MANUAL_CHOICES),
  reason: reason(MAX_MANUAL_REASON_LENGTH, { multiline: true }),
});
export type ManualCompletionInput = z.infer<typeof manualCompletionSchema>;

/** Reopening a closed cohort says why, for the audit log. */
export const reopenCohortSchema = z.strictObject({ reason: reason(500, { multiline: true }) });
export type ReopenCohortInput = z.infer<typeof reopenCohortSchema>;

/** Which trainees the cohort's table shows: by overall state, and those for whom one criterion is not met. */
export const COMPLETION_FILTERS = ['all', 'completed', 'in_progress', 'not_possible', 'by_hand'] as const;
export type CompletionFilter = (typeof COMPLETION_FILTERS)[number];

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const cohortCompletionQuerySchema = z.object({
  show: z.preprocess(blankToUndefined, z.enum(COMPLETION_FILTERS).default('all')),
  missing: z.preprocess(blankToUndefined, z.enum(CRITERIA).optional()),
});
export type CohortCompletionQuery = z.infer<typeof cohortCompletionQuerySchema>;
