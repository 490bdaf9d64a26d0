import { z } from 'zod';
import { listOf, pageOf } from '../common/api-docs';
import { IMPORT_STATUSES } from './cohort.schemas';
import { ENROLMENT_STATUSES } from './enrolment.entity';

/** The API's bodies for cohorts and enrolments (built in cohort-views.ts). */
const isoDay = z.iso.date();
const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
const footer = z.object({
  programmeId: z.uuid(),
  fundingStatement: z.string(),
  fundingLogo: z.object({ url: z.string(), alt: z.string() }).nullable(),
});

export const cohortBody = z
  .object({
    id: z.uuid(),
    name: z.string(),
    startsOn: isoDay,
    endsOn: isoDay,
    capacity: z.number().int(),
    closedAt: z.iso
      .datetime()
      .nullable()
      .describe("When an administrator closed the cohort, fixing each member's completion; null while open."),
    taken: z.number().int(),
    waiting: z.number().int(),
    free: z.number().int(),
    part: z.object({ id: z.uuid(), number: z.number().int(), title: z.string() }),
    programme: z.object({ id: z.uuid(), title: z.string() }),
    footer,
    instructors: z.array(person),
  })
  .meta({ id: 'Cohort' });

export const cohortPageBody = pageOf(cohortBody, 'CohortPage');

export const enrolmentBody = z
  .object({
    id: z.uuid(),
    cohortId: z.uuid(),
    status: z.enum(ENROLMENT_STATUSES),
    position: z.number().int().nullable().describe('Place on the waiting list.'),
    waitlistedAt: z.iso.datetime().nullable(),
    enrolledAt: z.iso.datetime().nullable(),
    withdrawnAt: z.iso.datetime().nullable(),
    withdrawalReason: z.string().nullable(),
    trainee: person.extend({ department: z.string().nullable() }).optional(),
  })
  .meta({ id: 'Enrolment' });
export const enrolmentListBody = listOf(enrolmentBody, 'EnrolmentList');

export const updatedCohortBody = cohortBody
  .extend({ promoted: z.array(enrolmentBody).describe('Taken from the waiting list into new places.') })
  .meta({ id: 'UpdatedCohort' });

export const withdrawalBody = z
  .object({ enrolment: enrolmentBody, promoted: z.array(enrolmentBody).describe('Taken from the waiting list into the freed place.') })
  .meta({ id: 'Withdrawal' });

export const enrolmentImportBody = z
  .object({
    imported: z.boolean(),
    rows: z.array(
      z.object({
        line: z.number().int(),
        email: z.string(),
        requested: z.string(),
        outcome: z.enum(IMPORT_STATUSES).nullable(),
        errors: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() })),
      }),
    ),
    counts: z.object({
      enrolled: z.number().int(),
      waitlisted: z.number().int(),
      completed: z.number().int(),
      not_completed: z.number().int(),
    }),
  })
  .meta({ id: 'EnrolmentImport' });

export const myEnrolmentListBody = listOf(
  enrolmentBody
    .omit({ trainee: true })
    .extend({
      cohort: z.object({ id: z.uuid(), name: z.string(), startsOn: isoDay, endsOn: isoDay }),
      part: z.object({
        id: z.uuid(),
        number: z.number().int(),
        title: z.string(),
        academicHours: z.number().int(),
        completionRule: z.array(z.string()),
      }),
      programme: z.object({ id: z.uuid(), title: z.string(), projectTitle: z.string() }),
      footer,
    })
    .meta({ id: 'MyEnrolment' }),
  'MyEnrolmentList',
);

export const taughtCohortListBody = listOf(
  cohortBody.extend({ trainees: z.array(enrolmentBody) }).meta({ id: 'TaughtCohort' }),
  'TaughtCohortList',
);
