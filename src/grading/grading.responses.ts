import { z } from 'zod';
import { pageOf } from '../common/api-docs';

/** The API's bodies for grades and the grading queue (built in grading-views.ts). */
const instant = z.iso.datetime();

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
