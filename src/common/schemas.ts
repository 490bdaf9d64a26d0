import { z } from 'zod';
import { ROLES } from './roles';
import { LANGUAGES } from '../i18n/languages';
import { textProblem } from './control-characters';

export interface TextOptions {
  /** A textarea: line breaks and tabs are kept. Otherwise (names, titles, searches) the text is one line. */
  multiline?: boolean;
}

/** Refuses control characters (a NUL, say), and line breaks unless the field is multi-line. */
const withoutControls = (schema: z.ZodString, { multiline = false }: TextOptions) =>
  schema.superRefine((value, ctx) => {
    const code = textProblem(value, { multiline });
    if (code) ctx.addIssue({ code: 'custom', params: { code } });
  });

/** Trimmed text of bounded length; empty strings become undefined so optional fields stay optional. */
export const text = (max: number, options: TextOptions = {}) => withoutControls(z.string().trim().max(max), options);
export const requiredText = (max: number, options: TextOptions = {}) => withoutControls(z.string().trim().min(1).max(max), options);
export const optionalText = (max: number, options: TextOptions = {}) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(max, options).optional());

/** Why something changes (a move, a cancellation, a withdrawal): people are told it, so an empty one is missing, not short. */
export const reason = (max: number, options: TextOptions = {}) =>
  z.preprocess(
    (v) => v ?? '',
    text(max, options).refine((v) => v.length > 0, { params: { code: 'reasonRequired' } }),
  );

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const language = z.enum(LANGUAGES);
export const role = z.enum(ROLES);

/** A checkbox list arrives as a string when one box is ticked, an array when several are. */
export const roleList = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(role).min(1).max(3));

/** HTML checkboxes send "on" or nothing; JSON sends booleans. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

export const uuid = z.uuid();

export const page = z.coerce.number().int().min(1).max(100000).default(1);
export const pageSize = z.coerce.number().int().min(1).max(200).default(25);

/** The body of every API error (see AllExceptionsFilter), for the OpenAPI document. */
export const errorResponseSchema = z
  .object({
    statusCode: z.number().int(),
    code: z.string(),
    message: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v);

/** A whole number from a form field or JSON; an empty field is missing, not zero. */
export const integer = (min: number, max: number) => z.preprocess(emptyToUndefined, z.number().int().min(min).max(max));

/** A whole number that may be left out, or left empty in a form. */
export const optionalInteger = (min: number, max: number) => z.preprocess(emptyToUndefined, z.number().int().min(min).max(max).optional());

/** A calendar date, YYYY-MM-DD (the value of `<input type="date">`). */
export const isoDate = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.iso.date());

const optionalDay = z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), z.iso.date().optional());

/** A range of Riga calendar days, from a filter form or a query: either end may be left out; the last day is included. */
export const dayRangeFields = {
  from: optionalDay.describe('First day (Riga time), YYYY-MM-DD.'),
  to: optionalDay.describe('Last day (Riga time, included), YYYY-MM-DD.'),
};

/** Refuses a range whose last day comes before its first, naming `to`. */
export function checkDayRange(value: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], params: { code: 'toBeforeFrom' } });
}

/** A list from a multi-select or checkbox group (a string when one is chosen), a JSON array, or lines of a textarea. */
export const list = <T extends z.ZodType>(item: T, max: number, { lines = false } = {}) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === '') return [];
    if (Array.isArray(v)) return v;
    if (typeof v === 'string' && lines)
      return v
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean);
    return [v];
  }, z.array(item).max(max));
