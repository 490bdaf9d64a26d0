import { z } from 'zod';
import { checkbox, optionalText, page, pageSize, requiredText, text, uuid } from '../common/schemas';
import { QUESTION_KINDS } from './question-body';

/** `Projektu vadība / Plānošana ` reads as `Projektu vadība/Plānošana`: segments trimmed, empty ones dropped. */
export function categoryPath(name: string): string {
  return name
    .split('/')
    .map((segment) => segment.trim())
    .filter(Boolean)
    .join('/');
}

const categoryName = requiredText(300)
  .transform(categoryPath)
  .refine((name) => name.length > 0, { params: { code: 'required' } });

export const categorySchema = z.object({ name: categoryName });

/** A form field left empty is missing; a number from a form arrives as text, with a comma as often as a point. */
const number = (schema: z.ZodNumber) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    return typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v;
  }, schema);

/** A share left empty is none: a wrong choice is typed without one. */
const percent = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? 0 : v),
  number(z.number().min(-100).max(100)),
);

/** Rows of a form table arrive as an array (or, past qs's array limit, as an object); rows left wholly empty are dropped. */
const rows = <T extends z.ZodType>(row: T, max: number) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === '') return [];
    const list = Array.isArray(v) ? v : typeof v === 'object' ? Object.values(v) : v;
    if (!Array.isArray(list)) return list;
    return list.filter(
      (r) =>
        typeof r !== 'object' ||
        r === null ||
        Object.entries(r as Record<string, unknown>).some(
          ([key, value]) => key !== 'id' && value !== undefined && String(value).trim() !== '',
        ),
    );
  }, z.array(row).max(max));

const choiceRow = z.object({
  /** Kept from the version edited, so a choice keeps its id; a new row gets one. */
  id: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,20}$/)
      .optional(),
  ),
  text: text(2000, { multiline: true }),
  percent,
  feedback: text(2000, { multiline: true }).default(''),
});

const answerRow = z.object({ text: text(500), percent });

const numericRow = z.object({
  value: number(z.number()),
  tolerance: number(z.number().min(0)).default(0),
  percent,
});

/**
 * A question as the form and the API send it: the fields common to every kind, then those of its kind. Shares
 * are percentages (100 = full marks; a wrong choice of a multiple-choice question may cost, down to −100).
 */
export const questionSchema = z.object({
  categoryId: uuid,
  kind: z.enum(QUESTION_KINDS),
  name: requiredText(255),
  text: requiredText(20000, { multiline: true }),
  points: number(z.number().positive().max(1000)),
  generalFeedback: text(5000, { multiline: true }).default(''),
  choices: rows(choiceRow, 20).default([]).describe('single and multiple: the choices, each with its percent of the points'),
  correct: z.enum(['true', 'false']).optional().describe('truefalse: the right answer'),
  answers: rows(answerRow, 20).default([]).describe('short: the accepted answers, each with its percent'),
  ignoreDiacritics: checkbox.describe('short: "ligums" is accepted for "līgums"'),
  numericAnswers: rows(numericRow, 20).default([]).describe('numeric: values with their tolerance and percent'),
  guidance: text(5000, { multiline: true }).default('').describe('essay: guidance for the marker'),
});
export type QuestionInput = z.infer<typeof questionSchema>;

export const questionListQuerySchema = z.object({
  categoryId: z.preprocess((v) => (v === '' ? undefined : v), uuid.optional()),
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(QUESTION_KINDS).optional()),
  q: optionalText(200),
  archived: checkbox.describe('Archived questions instead of the current ones'),
  page,
  pageSize,
});
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

export const IMPORT_FORMATS = ['auto', 'moodle', 'gift'] as const;

export const importFieldsSchema = z.object({
  categoryId: uuid,
  format: z.preprocess((v) => (v === '' || v === undefined ? 'auto' : v), z.enum(IMPORT_FORMATS)),
});

export const exportQuerySchema = z.object({
  categoryId: z.preprocess((v) => (v === '' ? undefined : v), uuid.optional()),
});
