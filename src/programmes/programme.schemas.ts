import { z } from 'zod';
import { checkbox, integer, list, optionalInteger, optionalText, requiredText, text, uuid } from '../common/schemas';
import { INDICATOR_METRICS } from './indicator.entity';
import { PROGRAMME_STATUSES } from './programme.entity';

const percent = z.preprocess(
  (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
  z.number().min(0).max(100).multipleOf(0.01),
);

const reminderHours = list(integer(1, 24 * 60), 5).pipe(z.array(z.number()).min(1));

export const programmeSchema = z.strictObject({
  titleLv: requiredText(300),
  titleEn: optionalText(300),
  descriptionLv: text(5000, { multiline: true }).default(''),
  descriptionEn: text(5000, { multiline: true }).default(''),
  status: z.enum(PROGRAMME_STATUSES).default('draft'),
  projectTitle: requiredText(500),
  agreementNumber: requiredText(100),
  funder: requiredText(200),
  cofinancingPercent: percent,
  partners: list(requiredText(200), 20, { lines: true }),
  fundingStatement: requiredText(2000, { multiline: true }),
  /** Comma-separated in the form: "72, 24". */
  reminderOffsetsHours: z.preprocess((v) => (typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : v), reminderHours).optional(),
  studyVisitOffsetsHours: z.preprocess((v) => (typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : v), reminderHours).optional(),
});
export type ProgrammeInput = z.infer<typeof programmeSchema>;

export const partSchema = z.strictObject({
  /** Left out on creation: the next free number. */
  number: optionalInteger(1, 99),
  titleLv: requiredText(300),
  titleEn: optionalText(300),
  descriptionLv: text(5000, { multiline: true }).default(''),
  descriptionEn: text(5000, { multiline: true }).default(''),
  academicHours: integer(0, 2000),
  minAttendancePercent: integer(0, 100),
  requiresIndependentWork: checkbox,
  requiresFinalExam: checkbox,
  closesWithSeminar: checkbox,
});
export type PartInput = z.infer<typeof partSchema>;

/** Replacing a part through the API: with `dryRun`, nothing is saved and the answer says what the new rule would do. */
export const partUpdateSchema = partSchema.extend({ dryRun: checkbox.default(false) });

export const partOrderSchema = z.strictObject({ partIds: z.array(uuid).min(1).max(99) });

export const partMoveSchema = z.strictObject({ direction: z.enum(['up', 'down']) });

export const indicatorSchema = z.strictObject({
  nameLv: requiredText(300),
  nameEn: optionalText(300),
  metric: z.enum(INDICATOR_METRICS),
  target: integer(0, 10_000_000),
  position: optionalInteger(0, 999),
});
export type IndicatorInput = z.infer<typeof indicatorSchema>;
