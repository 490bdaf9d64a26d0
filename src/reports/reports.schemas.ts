import { z } from 'zod';
import { optionalText, uuid } from '../common/schemas';
import { EXPORT_FORMATS } from '../common/table-export';
import { GRADEBOOK_SHOWS, GRADEBOOK_SORTS } from './gradebook';
import { REPORT_KINDS } from './report-tables';

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

/** Starting a background export: which report, about which cohort or person, as which file (and the gradebook's view). */
export const startExportSchema = z
  .strictObject({
    report: z.enum(REPORT_KINDS),
    subjectId: uuid,
    format: z.preprocess(blank, z.enum(EXPORT_FORMATS).default('xlsx')),
  })
  .extend(gradebookQuerySchema.shape)
  .transform(({ report, subjectId, format, ...query }) => ({ report, subjectId, format, query }));
export type StartExportInput = z.infer<typeof startExportSchema>;
