import { z } from 'zod';
import { listOf, pageOf } from '../common/api-docs';
import { QUESTION_KINDS } from './question-body';

/** The API's bodies for the question bank (built in question-views.ts). */
export const questionCategoryBody = z
  .object({
    id: z.uuid(),
    partId: z.uuid(),
    name: z.string().describe('The whole path, e.g. "Projektu vadība/Plānošana".'),
    questions: z.number().int().describe('Questions in use.'),
    archived: z.number().int().describe('Archived questions.'),
  })
  .meta({ id: 'QuestionCategory' });

export const questionCategoryListBody = listOf(questionCategoryBody, 'QuestionCategoryList');

const fraction = z.number().describe('Share of the points: 1 is full marks; negative costs points.');

export const questionBodyBody = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.enum(['single', 'multiple']),
      choices: z.array(z.object({ id: z.string(), text: z.string(), fraction, feedback: z.string().optional() })),
    }),
    z.object({ kind: z.literal('truefalse'), correct: z.boolean() }),
    z.object({ kind: z.literal('short'), answers: z.array(z.object({ text: z.string(), fraction })), ignoreDiacritics: z.boolean() }),
    z.object({ kind: z.literal('numeric'), answers: z.array(z.object({ value: z.number(), tolerance: z.number(), fraction })) }),
    z.object({ kind: z.literal('essay'), guidance: z.string() }),
  ])
  .meta({ id: 'QuestionBody' });

export const questionVersionBody = z
  .object({
    version: z.number().int(),
    name: z.string(),
    text: z.string().describe('Markdown.'),
    points: z.number(),
    kind: z.enum(QUESTION_KINDS),
    body: questionBodyBody,
    generalFeedback: z.string(),
    createdById: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'QuestionVersion' });

export const questionSummaryBody = z
  .object({
    id: z.uuid(),
    categoryId: z.uuid(),
    categoryName: z.string(),
    name: z.string(),
    kind: z.enum(QUESTION_KINDS),
    points: z.number(),
    currentVersion: z.number().int(),
    archived: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'QuestionSummary' });

export const questionPageBody = pageOf(questionSummaryBody, 'QuestionPage');

export const questionBody = z
  .object({
    id: z.uuid(),
    partId: z.uuid(),
    categoryId: z.uuid(),
    categoryName: z.string(),
    currentVersion: z.number().int().describe('The version new exams draw.'),
    archivedAt: z.iso.datetime().nullable().describe('Archived questions are not offered to new exams.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    current: questionVersionBody,
  })
  .meta({ id: 'Question' });

export const questionVersionListBody = listOf(questionVersionBody, 'QuestionVersionList');

export const questionPreviewBody = z
  .object({
    name: z.string(),
    text: z.string(),
    points: z.number(),
    kind: z.enum(QUESTION_KINDS),
    choices: z.array(z.object({ id: z.string(), text: z.string() })).describe('single and multiple: the choices, without their shares.'),
    answer: z.enum(['choice', 'choices', 'truefalse', 'text', 'number', 'essay']).describe('How the trainee answers.'),
  })
  .meta({ id: 'QuestionPreview' });

export const importReportBody = z
  .object({
    fileName: z.string(),
    format: z.enum(['moodle', 'gift']),
    imported: z.number().int(),
    refused: z.number().int(),
    items: z.array(
      z.object({
        position: z.number().int().describe('1-based, in the order of the file.'),
        name: z.string(),
        outcome: z.enum(['imported', 'refused']),
        questionId: z.uuid().optional(),
        category: z.string().optional(),
        problems: z.array(z.string()).optional().describe('Codes of why it was refused.'),
        reasons: z.array(z.string()).optional().describe("The same in the caller's language."),
      }),
    ),
  })
  .meta({ id: 'QuestionImportReport' });
