import { z } from 'zod';
import { listOf } from '../common/api-docs';
import { ENROLMENT_STATUSES } from '../cohorts/enrolment.entity';
import { assignmentBody } from '../assignments/assignment.responses';
import { SUBMISSION_STATES } from './submission-state';

/** The API's bodies for trainees' work: versions, files, drafts and submissions (built in submission-views.ts). */
const instant = z.iso.datetime();
const file = {
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  downloadUrl: z.string(),
};
const state = z.enum(SUBMISSION_STATES);

export const submissionFileBody = z.object(file).meta({ id: 'SubmissionFile' });

export const versionBody = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    text: z.string(),
    submittedAt: instant.nullable(),
    lateSeconds: z.number().int(),
    draft: z.boolean(),
    files: z.array(submissionFileBody),
  })
  .meta({ id: 'SubmissionVersion' });

export const deadlinesBody = z
  .object({
    opensAt: instant,
    dueAt: instant,
    cutoffAt: instant,
    extended: z.boolean(),
    revision: z.boolean().describe('Returned for revision: due at dueAt, never late.'),
  })
  .meta({ id: 'Deadlines' });

export const workBody = z
  .object({
    assignmentId: z.uuid(),
    userId: z.uuid(),
    submissionId: z.uuid().nullable(),
    state,
    deadlines: deadlinesBody,
    submittedVersion: z.number().int(),
    submittedAt: instant.nullable(),
    lateSeconds: z.number().int(),
    returnedAt: instant.nullable(),
    revisionDueAt: instant.nullable(),
    extension: z.object({ dueAt: instant, cutoffAt: instant, reason: z.string() }).nullable(),
    draft: versionBody.nullable(),
    versions: z.array(versionBody),
    grade: z
      .object({
        versionNumber: z.number().int(),
        score: z.number().nullable(),
        passed: z.boolean(),
        feedback: z.string(),
        releasedAt: instant.nullable(),
      })
      .nullable()
      .describe('Only once released.'),
  })
  .meta({ id: 'Work' });

export const myAssignmentListBody = listOf(
  z.object({ assignment: assignmentBody, cohortId: z.uuid(), cohortName: z.string(), work: workBody }).meta({ id: 'MyAssignment' }),
  'MyAssignmentList',
);

export const draftBody = z.object({ draft: versionBody.nullable() }).meta({ id: 'Draft' });

export const traineeWorkListBody = listOf(
  z
    .object({
      userId: z.uuid(),
      name: z.string(),
      cohortId: z.uuid(),
      enrolmentStatus: z.enum(ENROLMENT_STATUSES),
      state,
      submissionId: z.uuid().nullable(),
      submittedVersion: z.number().int(),
      submittedAt: instant.nullable(),
      lateSeconds: z.number().int(),
      deadlines: deadlinesBody,
    })
    .meta({ id: 'TraineeWork' }),
  'TraineeWorkList',
);

export const submissionBody = z
  .object({
    id: z.uuid(),
    assignmentId: z.uuid(),
    userId: z.uuid(),
    submittedVersion: z.number().int(),
    submittedAt: instant.nullable(),
    lateSeconds: z.number().int(),
    returnedAt: instant.nullable(),
    revisionDueAt: instant.nullable(),
    versions: z.array(versionBody),
  })
  .meta({ id: 'Submission' });

export const extensionBody = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    dueAt: instant,
    cutoffAt: instant,
    reason: z.string(),
    grantedById: z.uuid().nullable(),
    updatedAt: instant,
  })
  .meta({ id: 'Extension' });
export const extensionListBody = listOf(extensionBody, 'ExtensionList');
