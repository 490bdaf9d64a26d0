import { z } from 'zod';
import { ENROLMENT_STATUSES } from '../cohorts/enrolment.entity';
import { listOf } from '../common/api-docs';
import { MISSING_UNITS } from './completion-evaluation';
import { COMPLETION_STATES, CRITERIA, CRITERION_STATES, MANUAL_COMPLETION_STATES } from './enrolment-completion.entity';

/** The API's bodies for completion. */
export const criterionBody = z
  .object({
    criterion: z.enum(CRITERIA),
    state: z.enum(CRITERION_STATES).describe('met; pending (not yet: `missing` says what is missing); impossible (no longer possible).'),
    missing: z
      .object({ count: z.number().int(), unit: z.enum(MISSING_UNITS) })
      .nullable()
      .describe('While pending: how many of what, e.g. 2 sessions; 0 with a unit ending in NotSet or schedule: nothing set yet.'),
    progress: z
      .object({ done: z.number().int(), of: z.number().int() })
      .nullable()
      .describe('How far along: sessions attended of those needed, assignments passed of those required, and so on.'),
    text: z.string().describe("The criterion's state in words, in the caller's language."),
  })
  .meta({ id: 'CompletionCriterion' });

export const enrolmentCompletionBody = z
  .object({
    enrolmentId: z.uuid(),
    enrolmentStatus: z.enum(ENROLMENT_STATUSES),
    cohortId: z.uuid(),
    cohortName: z.string(),
    cohortClosedAt: z.iso.datetime().nullable().describe('When the cohort was closed, fixing the enrolment status; null while open.'),
    partId: z.uuid(),
    partTitleLv: z.string(),
    partTitleEn: z.string().nullable(),
    userId: z.uuid(),
    name: z.string(),
    state: z.enum(COMPLETION_STATES).describe("The part's rule worked out: completed, in progress, or not possible."),
    completed: z.boolean().describe('Whether it counts as completed: set by hand when it is, else the rule.'),
    completedAt: z.iso.datetime().nullable(),
    setByHand: z
      .object({
        state: z.enum(MANUAL_COMPLETION_STATES),
        reason: z.string(),
        byName: z.string().nullable(),
        at: z.iso.datetime().nullable(),
      })
      .nullable(),
    criteria: z.array(criterionBody),
  })
  .meta({ id: 'EnrolmentCompletion' });
export const enrolmentCompletionListBody = listOf(enrolmentCompletionBody, 'EnrolmentCompletionList');

export const cohortCompletionBody = z
  .object({
    cohortId: z.uuid(),
    cohortName: z.string(),
    closedAt: z.iso.datetime().nullable(),
    completed: z.number().int().describe('Members who count as completed.'),
    total: z.number().int(),
    items: z.array(enrolmentCompletionBody),
  })
  .meta({ id: 'CohortCompletion' });

export const closedCohortBody = z
  .object({
    cohortId: z.uuid(),
    closedAt: z.iso.datetime(),
    completed: z.array(z.uuid()).describe('Enrolments fixed as completed.'),
    notCompleted: z.array(z.uuid()).describe('Enrolments fixed as not completed.'),
  })
  .meta({ id: 'ClosedCohort' });

export const reopenedCohortBody = z
  .object({ cohortId: z.uuid(), reopened: z.number().int().describe('Enrolments back to taking part.') })
  .meta({ id: 'ReopenedCohort' });

const person = z.object({ enrolmentId: z.uuid(), userId: z.uuid(), name: z.string(), cohortId: z.uuid(), cohortName: z.string() });

export const ruleChangeBody = z
  .object({
    uncompleted: z.array(person).describe('Would no longer count as completed (certificates already issued stay as they are).'),
    completed: z.array(person).describe('Would count as completed.'),
    otherChanges: z.number().int().describe('Whose state moves without changing whether they count as completed.'),
    evaluated: z.number().int().describe("Members of the part's open cohorts."),
    closedUntouched: z.number().int().describe('Members of closed cohorts, left as closing fixed them.'),
  })
  .meta({ id: 'RuleChange' });
