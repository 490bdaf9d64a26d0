import { z } from 'zod';
import { PASS_MARK_UNITS } from './exam.entity';
import { RESULT_STATUSES } from './exam-result.entity';

/** The API's bodies for the results sheet of an exam sat in person. */
const status = z.enum(RESULT_STATUSES);
const score = z.string().nullable().describe('Points as an exact decimal ("7.50"); null without a score.');

export const resultsSheetBody = z
  .object({
    examId: z.uuid(),
    title: z.string(),
    passMark: z.string(),
    passMarkUnit: z.enum(PASS_MARK_UNITS),
    maxPoints: z.string(),
    rows: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        email: z.string(),
        status: status.nullable().describe('null: no result yet. passed/failed follow from the score and the pass mark.'),
        score,
        version: z.number().int().describe('Send it back with a change; 0 when there is no result yet.'),
      }),
    ),
  })
  .meta({ id: 'ExamResultsSheet' });

const value = z.object({ status: status.nullable(), score });

const change = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  before: value,
  after: value,
  version: z.number().int().describe('The version it was read at; send it back to apply.'),
});

export const resultsSavedBody = z
  .object({
    saved: z.array(change),
    conflicts: z
      .array(z.object({ userId: z.uuid(), name: z.string(), message: z.string() }))
      .describe('Trainees whose result someone else changed since it was read: not saved; read the sheet again.'),
  })
  .meta({ id: 'ExamResultsSaved' });

export const resultsPreviewBody = z
  .object({
    changes: z.array(change).describe('What applying would change; send these to the apply operation.'),
    refused: z.array(
      z.object({
        line: z.number().int().nullable(),
        userId: z.uuid().nullable(),
        name: z.string(),
        reason: z.enum(['unknownTrainee', 'scoreMissing', 'badScore', 'aboveMax', 'badStatus', 'duplicate', 'changed']),
        message: z.string(),
      }),
    ),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ExamResultsPreview' });

export const resultsAppliedBody = z.object({ applied: z.array(change) }).meta({ id: 'ExamResultsApplied' });
