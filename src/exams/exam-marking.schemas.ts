import { z } from 'zod';
import { reason, uuid } from '../common/schemas';
import { cleanPlainText } from '../grading/grades.schemas';

export const MAX_EXAM_FEEDBACK_LENGTH = 5000;
export const MAX_REASON_LENGTH = 1000;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Points with at most two decimals; "7,5" as Latvian forms write it is 7.5. */
const points = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
  z.number().min(0).max(99999).multipleOf(0.01),
);

/** The version a form was read at (from the page or GET). */
const version = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : blankToUndefined(v)),
  z.number().int().min(0),
);

const plainText = (max: number) => z.preprocess((v) => (typeof v === 'string' ? cleanPlainText(v) : (v ?? '')), z.string().max(max));

/** An instructor's mark of one answer. */
export const markSchema = z.strictObject({
  awarded: points,
  feedback: plainText(MAX_EXAM_FEEDBACK_LENGTH).default(''),
  version,
});
export type MarkInput = z.infer<typeof markSchema>;

/** Re-mark every answer of a question with the key of one of its versions. */
export const remarkSchema = z.strictObject({
  versionId: z.preprocess(blankToUndefined, uuid),
  reason: reason(MAX_REASON_LENGTH),
});
export type RemarkInput = z.infer<typeof remarkSchema>;

export const OVERRIDE_STATUSES = ['passed', 'failed', 'absent', 'excused'] as const;

/** A result set by hand, with the reason staff will read. */
export const overrideSchema = z.strictObject({
  status: z.enum(OVERRIDE_STATUSES),
  score: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
    z.number().min(0).max(99999).multipleOf(0.01).optional(),
  ),
  reason: reason(MAX_REASON_LENGTH),
  version: version.optional(),
});
export type OverrideInput = z.infer<typeof overrideSchema>;

export const essayQueueQuerySchema = z.object({
  exam: z.preprocess(blankToUndefined, uuid.optional()),
});
export type EssayQueueQuery = z.infer<typeof essayQueueQuerySchema>;
