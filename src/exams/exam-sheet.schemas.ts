import { z } from 'zod';
import { uuid } from '../common/schemas';
import { SHEET_OUTCOMES, type SheetOutcome } from './exam-sheet-rules';

/** One trainee's line of a results sheet as sent: the outcome, the score as typed, the version it was read at. */
export interface SheetEntry {
  userId: string;
  outcome: SheetOutcome;
  /** As typed ("7,5" or "7.5"); read only when the outcome is a score. */
  score: string | null;
  /** The result's version when the sheet (or the template, or the preview) was read; 0 when there was none. */
  version: number;
}

const scoreText = z.preprocess(
  (v) => (v === undefined || v === null ? null : typeof v === 'number' ? String(v) : v),
  z.string().trim().max(20).nullable(),
);
const version = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number().int().min(0).max(2_147_483_647));

const entry = z.strictObject({
  userId: uuid,
  outcome: z.enum(SHEET_OUTCOMES).describe('score: the score counts; absent, excused; none: no result yet.'),
  score: scoreText.optional().describe('Points, e.g. "7.5" or "7,5"; needed when the outcome is a score.'),
  version: version.describe('The version of the result as read (0 when it had none); a newer change is refused for this trainee.'),
});

/** The API: the lines to change. */
export const sheetEntriesSchema = z.strictObject({ entries: z.array(entry).min(1).max(1000) });

export function entriesOf(input: z.infer<typeof sheetEntriesSchema>): SheetEntry[] {
  return input.entries.map((e) => ({ userId: e.userId, outcome: e.outcome, score: e.score ?? null, version: e.version }));
}

const perTrainee = <T extends z.ZodType>(value: T) => z.record(uuid, value).default({});

/**
 * The page form: per trainee (`outcome[<id>]`, `score[<id>]`, `version[<id>]`) and what the line showed when the
 * page was read (`shown[<id>]`, "outcome|score"), so that only lines the person changed are sent on.
 */
export const sheetFormSchema = z
  .object({
    outcome: perTrainee(z.enum(SHEET_OUTCOMES)),
    score: perTrainee(z.string().max(20)),
    version: perTrainee(version),
    shown: perTrainee(z.string().max(40)),
  })
  .transform((form): SheetEntry[] =>
    Object.entries(form.outcome)
      .filter(([userId, outcome]) => form.shown[userId] !== `${outcome}|${(form.score[userId] ?? '').trim()}`)
      .map(([userId, chosen]) => {
        const score = form.score[userId] ?? null;
        // Points typed in a line still marked "no result" mean the points: the person typed them and saved.
        const outcome = chosen === 'none' && score?.trim() ? 'score' : chosen;
        return { userId, outcome, score, version: form.version[userId] ?? 0 };
      }),
  );

/** Applying a preview on its page: the changes it showed (`change[<id>][outcome|score|version]`). */
export const applyFormSchema = z
  .object({ change: perTrainee(entry.omit({ userId: true })) })
  .transform((form): SheetEntry[] =>
    Object.entries(form.change).map(([userId, e]) => ({ userId, outcome: e.outcome, score: e.score ?? null, version: e.version })),
  );

export const templateFormatSchema = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });
