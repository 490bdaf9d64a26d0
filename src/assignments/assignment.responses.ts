import { z } from 'zod';
import { listOf } from '../common/api-docs';
import { GRADING_TYPES } from './assignment.entity';

/** The API's bodies for assignments, their attachments and extensions (built in submission-views.ts). */
const instant = z.iso.datetime();
/** The fields of a stored file in the API's bodies. */
export const storedFileFields = {
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  downloadUrl: z.string(),
};

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

export const attachmentBody = z.object(storedFileFields).meta({ id: 'AssignmentAttachment' });
export const assignmentWithAttachmentsBody = assignmentBody
  .extend({ attachments: z.array(attachmentBody) })
  .meta({ id: 'AssignmentWithAttachments' });
