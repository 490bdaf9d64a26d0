import { z } from 'zod';
import { integer, isoDate, list, optionalText, page, pageSize, reason, requiredText, uuid } from '../common/schemas';

const cohortFields = {
  name: requiredText(200),
  startsOn: isoDate,
  endsOn: isoDate,
  capacity: integer(1, 10_000),
  instructorIds: list(uuid, 20),
};

const endsAfterStart = (value: { startsOn: string; endsOn: string }) => value.endsOn >= value.startsOn;
const endsAfterStartIssue = { path: ['endsOn'], params: { code: 'cohort.endsBeforeStart' } };

export const createCohortSchema = z.strictObject({ partId: uuid, ...cohortFields }).refine(endsAfterStart, endsAfterStartIssue);
export type CreateCohortInput = z.infer<typeof createCohortSchema>;

/** A cohort stays a run of the part it was created for. */
export const updateCohortSchema = z.strictObject(cohortFields).refine(endsAfterStart, endsAfterStartIssue);
export type UpdateCohortInput = z.infer<typeof updateCohortSchema>;

export const cohortListQuerySchema = z.object({
  programmeId: z.preprocess((v) => (v === '' ? undefined : v), uuid.optional()),
  partId: z.preprocess((v) => (v === '' ? undefined : v), uuid.optional()),
  page,
  pageSize,
});
export type CohortListQuery = z.infer<typeof cohortListQuerySchema>;

export const enrolSchema = z.strictObject({ userId: uuid });

export const withdrawSchema = z.strictObject({ reason: reason(500, { multiline: true }) });

export const traineeSearchSchema = z.object({ q: optionalText(200) });

/** CSV sent as JSON; a multipart upload sends the file instead. */
export const importSchema = z.strictObject({ csv: z.string().max(1_000_000).optional() });

/** What a CSV row may ask for; completed and not completed record past runs. */
export const IMPORT_STATUSES = ['enrolled', 'waitlisted', 'completed', 'not_completed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
