import { z } from 'zod';
import { checkDayRange, dayRangeFields, optionalText, page, uuid } from '../common/schemas';
import { EXPORT_FORMATS } from '../common/table-export';
import { FUNNEL_STAGES } from './funnel';
import { GRADEBOOK_SHOWS, GRADEBOOK_SORTS } from './gradebook';
import { BACKGROUND_FORMATS, EXPORT_KINDS, FUNDER_REPORT } from './report-exports.constants';

/** An empty form field (a select left on its first option) is a value left out. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The gradebook's search, filter and sort, from its form (GET, so it works without script) or the API's query. */
export const gradebookQuerySchema = z.strictObject({
  q: optionalText(100),
  show: z.preprocess(blank, z.enum(GRADEBOOK_SHOWS).default('all')),
  sort: z.preprocess(blank, z.enum(GRADEBOOK_SORTS).default('name')),
  dir: z.preprocess(blank, z.enum(['asc', 'desc']).default('asc')),
});

export const exportFormatSchema = z.strictObject({ format: z.preprocess(blank, z.enum(EXPORT_FORMATS).default('csv')) });

/** A gradebook download: its format and the same search, filter and sort as the page. */
export const gradebookExportSchema = gradebookQuerySchema.extend(exportFormatSchema.shape);

/** A range of days (Riga time, both included) of a programme's reports: indicators, and the cohorts a funnel takes. */
export const rangeQuerySchema = z.strictObject(dayRangeFields).superRefine(checkDayRange);

/** A page of a long list (an indicator's records, a funnel stage's people) in a range of days. */
export const rangePageSchema = z.strictObject({ ...dayRangeFields, page }).superRefine(checkDayRange);

/** A download of a programme's report in a range of days. */
export const rangeExportSchema = z.strictObject({ ...dayRangeFields, ...exportFormatSchema.shape }).superRefine(checkDayRange);

const stage = z.preprocess(blank, z.enum(FUNNEL_STAGES).optional()).describe('List the people who reached this stage.');

/** A funnel, optionally with the people who reached one of its stages. */
export const funnelQuerySchema = z.strictObject({ ...dayRangeFields, stage }).superRefine(checkDayRange);

/** The funnel's page: a page of the people who reached the stage chosen. */
export const funnelPageSchema = z.strictObject({ ...dayRangeFields, stage, page }).superRefine(checkDayRange);

/**
 * Starting a background export: which report, about which cohort, person or programme, as which file (and the
 * gradebook's view or a range of days). A report's table is CSV or XLSX (XLSX when left out); the funder's report is
 * a PDF, and nothing else is.
 */
export const startExportSchema = z
  .strictObject({
    report: z.enum(EXPORT_KINDS),
    subjectId: uuid,
    format: z.preprocess(blank, z.enum(BACKGROUND_FORMATS).optional()),
  })
  .extend(gradebookQuerySchema.shape)
  .extend(dayRangeFields)
  .superRefine(checkDayRange)
  .superRefine(({ report, format }, ctx) => {
    if (format && (format === 'pdf') !== (report === FUNDER_REPORT))
      ctx.addIssue({ code: 'custom', path: ['format'], params: { code: 'formatNotOffered' } });
  })
  .transform(({ report, subjectId, format, ...query }) => ({
    report,
    subjectId,
    format: format ?? (report === FUNDER_REPORT ? 'pdf' : 'xlsx'),
    query,
  }));
export type StartExportInput = z.infer<typeof startExportSchema>;
