import { z } from 'zod';
import { checkbox, page, pageSize, uuid } from '../common/schemas';
import { parseRigaDateTime } from '../i18n/dates';

export const MAX_FEEDBACK_LENGTH = 5000;
export const MAX_RETURN_NOTE_LENGTH = 2000;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

// C0/C1 controls other than tab and line feed, and the bidirectional overrides that can disguise text.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Feedback is plain text: kept as typed (line breaks as \n), unsafe characters dropped, shown escaped. */
export function cleanPlainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(UNSAFE_TEXT, '').trim();
}

const plainText = (max: number) => z.preprocess((v) => (typeof v === 'string' ? cleanPlainText(v) : (v ?? '')), z.string().max(max));

/** Points with at most two decimals; "7,5" as Latvian forms write it is 7.5. */
const score = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
  z.number().min(0).max(99999).multipleOf(0.01).optional(),
);

/** "pass"/"fail" from the form's radio buttons, a boolean in JSON. */
const passed = z.preprocess((v) => {
  if (v === 'pass' || v === 'true') return true;
  if (v === 'fail' || v === 'false') return false;
  return blankToUndefined(v);
}, z.boolean().optional());

/** The revision a form started from; none when it was opened before any grade existed. */
const revision = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : blankToUndefined(v)),
  z.number().int().min(1).optional(),
);

const version = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : blankToUndefined(v)),
  z.number().int().min(1).optional(),
);

const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

export const gradeSchema = z.strictObject({
  revision,
  /** The version the grader looked at; a newer one handed in meanwhile is a conflict. */
  versionNumber: version,
  score,
  passed,
  feedback: plainText(MAX_FEEDBACK_LENGTH).default(''),
  removeFeedbackFile: flag.default(false),
});
export type GradeInput = z.infer<typeof gradeSchema>;

export const releaseSchema = z.strictObject({ revision });

const trimmed = z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.string().max(10));

/** A new due time (Riga date and wall-clock time) and what to revise, said to the trainee. */
export const returnSchema = z
  .strictObject({
    dueDate: trimmed,
    dueTime: trimmed,
    note: plainText(MAX_RETURN_NOTE_LENGTH).pipe(z.string().min(1)),
    /** Needed when the new due time is earlier than the trainee's current one. */
    confirmShorter: checkbox.optional(),
  })
  .transform((value, ctx) => {
    const revisionDueAt = parseRigaDateTime(value.dueDate, value.dueTime);
    if (!revisionDueAt) {
      ctx.addIssue({
        code: 'custom',
        path: [value.dueDate ? 'dueTime' : 'dueDate'],
        params: { code: value.dueDate ? 'grading.invalidDateTime' : 'required' },
      });
      return z.NEVER;
    }
    return { revisionDueAt, note: value.note, confirmShorter: value.confirmShorter ?? false };
  });
export type ReturnInput = z.infer<typeof returnSchema>;

export const queueQuerySchema = z.object({
  cohort: z.preprocess(blankToUndefined, uuid.optional()),
  assignment: z.preprocess(blankToUndefined, uuid.optional()),
  late: z.preprocess(blankToUndefined, z.enum(['late', 'onTime']).optional()),
  page,
  pageSize,
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;
