import { z } from 'zod';
import { list, reason, requiredText, text, uuid } from '../common/schemas';
import { parseRigaDateTime } from '../i18n/dates';
import { GRADING_TYPES, SUBMISSION_FILE_TYPES } from './assignment.entity';

export const MAX_FILE_SIZE_MB = 200;
export const MAX_BRIEF_LENGTH = 20_000;
export const MAX_TEXT_LENGTH = 50_000;

const trimmed = z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.string().max(10));

/** A form checkbox ("on" or absent once the page marks it "off") or a JSON boolean; absent takes the default. */
const flag = (fallback: boolean) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : v === true || v === 'on' || v === 'true' || v === '1'), z.boolean());

const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === '' || v === null ? fallback : typeof v === 'string' ? Number(v.trim()) : v),
    z.number().int().min(min).max(max),
  );

/** Points with at most two decimals; "7,5" as Latvian forms write it is 7.5. */
const points = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
  z.number().min(0).max(99999).multipleOf(0.01).optional(),
);

/** Hours before the due time: "72, 24" in a form, [72, 24] in JSON. */
const reminderOffsets = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map(Number)
      : (v ?? []),
  z.array(z.number().int().min(1).max(720)).max(5),
);

type Times = Record<'opensDate' | 'opensTime' | 'dueDate' | 'dueTime' | 'cutoffDate' | 'cutoffTime', string>;

function instant(value: Times, ctx: z.RefinementCtx, which: 'opens' | 'due' | 'cutoff'): Date | null {
  const date = value[`${which}Date`];
  const time = value[`${which}Time`];
  if (which === 'cutoff' && !date && !time) return null;
  const parsed = parseRigaDateTime(date, time);
  if (!parsed)
    ctx.addIssue({
      code: 'custom',
      path: [date ? `${which}Time` : `${which}Date`],
      params: { code: date ? 'assignment.invalidDateTime' : 'required' },
    });
  return parsed;
}

export const assignmentSchema = z
  .strictObject({
    title: requiredText(300),
    brief: text(MAX_BRIEF_LENGTH, { multiline: true }).default(''),
    /** Riga date and wall-clock time; an empty cut-off is the due time. */
    opensDate: trimmed,
    opensTime: trimmed,
    dueDate: trimmed,
    dueTime: trimmed,
    cutoffDate: trimmed,
    cutoffTime: trimmed,
    maxFiles: whole(0, 50, 5),
    maxFileSizeMb: whole(1, MAX_FILE_SIZE_MB, 20),
    acceptedTypes: list(z.enum(SUBMISSION_FILE_TYPES), SUBMISSION_FILE_TYPES.length),
    allowText: flag(true),
    gradingType: z.enum(GRADING_TYPES),
    maxPoints: points,
    passMark: points,
    requiredForCompletion: flag(true),
    reminderOffsetsHours: reminderOffsets,
  })
  .transform((value, ctx) => {
    const opensAt = instant(value, ctx, 'opens');
    const dueAt = instant(value, ctx, 'due');
    const cutoffAt = instant(value, ctx, 'cutoff') ?? dueAt;
    if (opensAt && dueAt && dueAt < opensAt)
      ctx.addIssue({ code: 'custom', path: ['dueDate'], params: { code: 'assignment.dueBeforeOpen' } });
    if (dueAt && cutoffAt && cutoffAt < dueAt)
      ctx.addIssue({ code: 'custom', path: ['cutoffDate'], params: { code: 'assignment.cutoffBeforeDue' } });
    if (value.maxFiles > 0 && !value.acceptedTypes.length)
      ctx.addIssue({ code: 'custom', path: ['acceptedTypes'], params: { code: 'assignment.typesRequired' } });
    if (value.maxFiles === 0 && !value.allowText)
      ctx.addIssue({ code: 'custom', path: ['maxFiles'], params: { code: 'assignment.nothingToHandIn' } });
    const byPoints = value.gradingType === 'points';
    if (byPoints && value.maxPoints === undefined) ctx.addIssue({ code: 'custom', path: ['maxPoints'], params: { code: 'required' } });
    if (byPoints && value.passMark === undefined) ctx.addIssue({ code: 'custom', path: ['passMark'], params: { code: 'required' } });
    if (byPoints && value.maxPoints !== undefined && value.passMark !== undefined && value.passMark > value.maxPoints) {
      ctx.addIssue({ code: 'custom', path: ['passMark'], params: { code: 'assignment.passMarkAboveMax' } });
    }
    if (!opensAt || !dueAt || !cutoffAt) return z.NEVER;
    return {
      title: value.title,
      brief: value.brief,
      opensAt,
      dueAt,
      cutoffAt,
      maxFiles: value.maxFiles,
      maxFileSizeMb: value.maxFileSizeMb,
      acceptedTypes: [...new Set(value.acceptedTypes)],
      allowText: value.allowText,
      gradingType: value.gradingType,
      maxPoints: byPoints ? String(value.maxPoints) : null,
      passMark: byPoints ? String(value.passMark) : null,
      requiredForCompletion: value.requiredForCompletion,
      reminderOffsetsHours: [...new Set(value.reminderOffsetsHours)].sort((a, b) => b - a),
    };
  });
export type AssignmentInput = z.infer<typeof assignmentSchema>;

export const draftSchema = z.strictObject({ text: text(MAX_TEXT_LENGTH, { multiline: true }).default('') });
export type DraftInput = z.infer<typeof draftSchema>;

/** Submitting through JSON: text given replaces the draft's, text left out keeps it. */
export const submitSchema = z.strictObject({ text: text(MAX_TEXT_LENGTH, { multiline: true }).optional() });

export const extensionSchema = z
  .strictObject({
    userId: uuid,
    dueDate: trimmed,
    dueTime: trimmed,
    cutoffDate: trimmed,
    cutoffTime: trimmed,
    reason: reason(500),
  })
  .transform((value, ctx) => {
    const times = { ...value, opensDate: '', opensTime: '' };
    const dueAt = instant(times, ctx, 'due');
    const cutoffAt = instant(times, ctx, 'cutoff') ?? dueAt;
    if (dueAt && cutoffAt && cutoffAt < dueAt)
      ctx.addIssue({ code: 'custom', path: ['cutoffDate'], params: { code: 'assignment.cutoffBeforeDue' } });
    if (!dueAt || !cutoffAt) return z.NEVER;
    return { userId: value.userId, dueAt, cutoffAt, reason: value.reason };
  });
export type ExtensionInput = z.infer<typeof extensionSchema>;
