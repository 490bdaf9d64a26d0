import { z } from 'zod';
import { listOf, pageOf } from '../common/api-docs';
import { ENROLMENT_STATUSES } from '../cohorts/enrolment.entity';
import { GRADING_TYPES } from '../assignments/assignment.entity';
import { SUBMISSION_STATES } from './submission-state';

/** The API's bodies for assignments, submissions and grades (built in submission-views.ts and grading-views.ts). */
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

export const assignmentBody = z
  .object({
    id: z.uuid(),
    cohortId: z.uuid().nullable(),
    partId: z.uuid().nullable(),
    title: z.string(),
    brief: z.string().describe('Markdown.'),
    briefHtml: z.string(),
    opensAt: instant,
    dueAt: instant,
    cutoffAt: instant,
    maxFiles: z.number().int(),
    maxFileSizeMb: z.number().int(),
    acceptedTypes: z.array(z.string()),
    allowText: z.boolean(),
    gradingType: z.enum(GRADING_TYPES),
    maxPoints: z.number().nullable(),
    passMark: z.number().nullable(),
    requiredForCompletion: z.boolean(),
    reminderOffsetsHours: z.array(z.number().int()),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Assignment' });
export const assignmentListBody = listOf(assignmentBody, 'AssignmentList');

export const attachmentBody = z.object(file).meta({ id: 'AssignmentAttachment' });
export const assignmentWithAttachmentsBody = assignmentBody
  .extend({ attachments: z.array(attachmentBody) })
  .meta({ id: 'AssignmentWithAttachments' });

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

const deadlines = z
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
    deadlines,
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
      deadlines,
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

export const gradeBody = z
  .object({
    id: z.uuid(),
    submissionId: z.uuid(),
    status: z.enum(['draft', 'released']),
    revision: z.number().int().describe('What the next save must name.'),
    versionNumber: z.number().int(),
    score: z.number().nullable(),
    passed: z.boolean(),
    feedback: z.string(),
    feedbackFile: z.object({ fileName: z.string().nullable(), mimeType: z.string().nullable(), downloadUrl: z.string() }).nullable(),
    releasedAt: instant.nullable(),
    gradedById: z.uuid().nullable(),
    updatedAt: instant,
  })
  .meta({ id: 'Grade' });

export const gradingQueueItemBody = z
  .object({
    submissionId: z.uuid(),
    traineeId: z.uuid(),
    traineeName: z.string(),
    assignmentId: z.uuid(),
    assignmentTitle: z.string(),
    cohortId: z.uuid(),
    cohortName: z.string(),
    submittedAt: instant.nullable(),
    submittedVersion: z.number().int(),
    lateSeconds: z.number().int(),
    returnedAt: instant.nullable(),
    state: z.enum(['toGrade', 'newVersion', 'draft', 'released', 'returned']),
    gradeStatus: z.enum(['draft', 'released']).nullable(),
    score: z.number().nullable(),
    passed: z.boolean().nullable(),
  })
  .meta({ id: 'GradingQueueItem' });
export const gradingQueueBody = pageOf(gradingQueueItemBody, 'GradingQueue');

export const releaseAllBody = z
  .object({
    released: z.number().int(),
    skipped: z.number().int().describe('Drafts left as they are: of an older version, or of work returned for revision.'),
  })
  .meta({ id: 'GradeRelease' });

export const returnedWorkBody = z
  .object({ submissionId: z.uuid(), returnedAt: instant.nullable(), revisionDueAt: instant.nullable() })
  .meta({ id: 'ReturnedWork' });
