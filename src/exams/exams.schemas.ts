import { z } from 'zod';
import { checkbox, optionalText, requiredText, text, uuid } from '../common/schemas';
import { parseRigaDateTime } from '../i18n/dates';
import { EXAM_MODES, PASS_MARK_UNITS, RESULTS_SHOWN } from './exam.entity';

const trimmed = z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.string().max(10));
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), uuid.optional());

const decimal = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
    z.number().min(min).max(max).multipleOf(0.01),
  );

const whole = (min: number, max: number, fallback?: number) =>
  z.preprocess(
    (v) => (v === undefined || v === '' || v === null ? fallback : typeof v === 'string' ? Number(v.trim()) : v),
    z.number().int().min(min).max(max),
  );
const optionalWhole = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
    z.number().int().min(min).max(max).optional(),
  );

/** Question ids one a line (forms) or a list (JSON). */
const idLines = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter(Boolean)
      : (v ?? []),
  z.array(uuid).max(500),
);

/**
 * How many questions to draw from each category: a list of `{ categoryId, count }` (JSON, or a form's
 * `categories[0][categoryId]` fields), or "category-id: count" lines. A form's empty or zero count is left out.
 */
const categoryCounts = z.preprocess(
  (v) => {
    const items =
      typeof v === 'string'
        ? v
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => {
              const [categoryId, count] = line.split(/[\s:=]+/);
              return { categoryId, count };
            })
        : Array.isArray(v)
          ? v
          : v && typeof v === 'object'
            ? Object.values(v)
            : [];
    return (items as { categoryId?: unknown; count?: unknown }[])
      .map((item) => ({ categoryId: item?.categoryId, count: typeof item?.count === 'string' ? item.count.trim() : item?.count }))
      .filter((item) => item.count !== '' && item.count !== undefined && item.count !== '0' && item.count !== 0)
      .map((item) => ({ ...item, count: typeof item.count === 'string' ? Number(item.count) : item.count }));
  },
  z.array(z.strictObject({ categoryId: uuid, count: z.number().int().min(1).max(200) })).max(50),
);

type WindowFields = { opensDate: string; opensTime: string; closesDate: string; closesTime: string };

function windowInstant(value: WindowFields, ctx: z.RefinementCtx, which: 'opens' | 'closes', required: boolean): Date | null {
  const date = value[`${which}Date`];
  const time = value[`${which}Time`];
  if (!date && !time) {
    if (required) ctx.addIssue({ code: 'custom', path: [`${which}Date`], params: { code: 'required' } });
    return null;
  }
  const parsed = parseRigaDateTime(date, time);
  if (!parsed)
    ctx.addIssue({
      code: 'custom',
      path: [date ? `${which}Time` : `${which}Date`],
      params: { code: date ? 'exam.invalidDateTime' : 'required' },
    });
  return parsed;
}

/**
 * An exam as staff set it up. Times are Riga dates and wall-clock times. Online exams need a window and which
 * questions; in person, the maximum points are entered.
 */
export const examSchema = z
  .strictObject({
    title: requiredText(300),
    mode: z.enum(EXAM_MODES),
    sessionId: optionalId,
    retakeOfId: optionalId,
    passMark: decimal(0, 99999),
    passMarkUnit: z.enum(PASS_MARK_UNITS),
    /** In person only; online it is the sum of the questions' points. */
    maxPoints: z.preprocess((v) => (v === '' || v === null ? undefined : v), decimal(0.01, 99999).optional()),
    opensDate: trimmed,
    opensTime: trimmed,
    closesDate: trimmed,
    closesTime: trimmed,
    timeLimitMinutes: optionalWhole(1, 1440),
    attemptsAllowed: whole(1, 20, 1),
    selectionKind: z.enum(['fixed', 'random']).default('fixed'),
    questionIds: idLines,
    categories: categoryCounts,
    shuffleQuestions: checkbox,
    shuffleChoices: checkbox,
    resultsShown: z.enum(RESULTS_SHOWN).default('on_release'),
    /** The version the form was opened at, for edits; a newer one refuses the save. */
    version: optionalWhole(1, 1_000_000),
  })
  .transform((value, ctx) => {
    const online = value.mode === 'online';
    const opensAt = windowInstant(value, ctx, 'opens', online);
    const closesAt = windowInstant(value, ctx, 'closes', online);
    if (opensAt && closesAt && closesAt <= opensAt)
      ctx.addIssue({ code: 'custom', path: ['closesDate'], params: { code: 'exam.closesBeforeOpens' } });
    if (!online && value.maxPoints === undefined) ctx.addIssue({ code: 'custom', path: ['maxPoints'], params: { code: 'required' } });
    if (value.passMarkUnit === 'percent' && value.passMark > 100)
      ctx.addIssue({ code: 'custom', path: ['passMark'], params: { code: 'exam.percentAbove100' } });
    const selection = !online
      ? null
      : value.selectionKind === 'fixed'
        ? { kind: 'fixed' as const, questionIds: [...new Set(value.questionIds)] }
        : { kind: 'random' as const, categories: value.categories };
    if (selection?.kind === 'fixed' && !selection.questionIds.length)
      ctx.addIssue({ code: 'custom', path: ['questionIds'], params: { code: 'required' } });
    if (selection?.kind === 'random' && !selection.categories.length)
      ctx.addIssue({ code: 'custom', path: ['categories'], params: { code: 'required' } });
    return {
      title: value.title,
      mode: value.mode,
      sessionId: value.sessionId ?? null,
      retakeOfId: value.retakeOfId ?? null,
      passMark: value.passMark,
      passMarkUnit: value.passMarkUnit,
      maxPoints: online ? null : (value.maxPoints ?? null),
      opensAt: online ? opensAt : null,
      closesAt: online ? closesAt : null,
      timeLimitMinutes: online ? (value.timeLimitMinutes ?? null) : null,
      attemptsAllowed: value.attemptsAllowed,
      selection,
      shuffleQuestions: online && value.shuffleQuestions,
      shuffleChoices: online && value.shuffleChoices,
      resultsShown: value.resultsShown,
      version: value.version ?? null,
    };
  });
export type ExamInput = z.output<typeof examSchema>;

/** One trainee's accommodation; an empty own window keeps the exam's. */
export const accommodationSchema = z
  .strictObject({
    userId: uuid,
    timeFactor: z.preprocess((v) => (v === undefined || v === '' ? 1 : v), decimal(1, 5)),
    extraMinutes: whole(0, 1440, 0),
    extraAttempts: whole(0, 10, 0),
    opensDate: trimmed,
    opensTime: trimmed,
    closesDate: trimmed,
    closesTime: trimmed,
    note: text(1000, { multiline: true }).default(''),
  })
  .transform((value, ctx) => {
    const opensAt = windowInstant(value, ctx, 'opens', false);
    const closesAt = windowInstant(value, ctx, 'closes', false);
    if (opensAt && closesAt && closesAt <= opensAt)
      ctx.addIssue({ code: 'custom', path: ['closesDate'], params: { code: 'exam.closesBeforeOpens' } });
    return {
      userId: value.userId,
      timeFactor: value.timeFactor,
      extraMinutes: value.extraMinutes,
      extraAttempts: value.extraAttempts,
      opensAt,
      closesAt,
      note: value.note,
    };
  });
export type AccommodationInput = z.output<typeof accommodationSchema>;

const MAX_ANSWER = 50_000;

/** An answer as the API receives it. */
export const responseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single'), choice: z.string().max(100).nullable() }),
  z.strictObject({ kind: z.literal('multiple'), choices: z.array(z.string().max(100)).max(50) }),
  z.strictObject({ kind: z.literal('truefalse'), value: z.boolean().nullable() }),
  z.strictObject({ kind: z.literal('short'), text: text(1000) }),
  z.strictObject({ kind: z.literal('numeric'), text: text(100) }),
  z.strictObject({ kind: z.literal('essay'), text: text(MAX_ANSWER, { multiline: true }) }),
]);

/** A numbered save: a save with a number not above the last one kept changes nothing. */
export const saveAnswerSchema = z.strictObject({
  seq: z.number().int().min(1).max(2_000_000_000),
  response: responseSchema,
});
export type SaveAnswerInput = z.output<typeof saveAnswerSchema>;

export const flagSchema = z.strictObject({ flagged: z.boolean() });

/**
 * A page's form: answers of the questions on it as fields named `answer` (one value, or several for multiple
 * choice), `seq` and an optional `flagged` box.
 */
export const answerFormSchema = z.object({
  seq: whole(1, 2_000_000_000),
  answer: z.union([z.string().max(MAX_ANSWER), z.array(z.string().max(100)).max(50)]).optional(),
  flagged: checkbox,
  go: optionalText(20),
});

export const retakeSchema = z.strictObject({ title: optionalText(300) });
