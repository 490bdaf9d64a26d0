import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS } from '../common/table-export';
import { REPORT_KINDS } from './report-tables';

export const REPORT_EXPORT_QUEUE = 'report-exports';
export const REPORT_EXPORT_CLEANUP_QUEUE = 'report-export-cleanup';

/** A background export's download link works this long after the file is made. */
export const EXPORT_LINK_HOURS = 24;

export interface ReportExportJob {
  exportId: string;
}

/** Retried twice on failure (a database or storage hiccup); the third failure marks the export failed. */
export const EXPORT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;

/** The funder's report of a programme: one PDF, made only in the background. */
export const FUNDER_REPORT = 'funder';

/** What a background export can make: any report's table, or the funder's report. */
export const EXPORT_KINDS = [...REPORT_KINDS, FUNDER_REPORT] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A table as CSV or XLSX; the funder's report as PDF. */
export const BACKGROUND_FORMATS = [...EXPORT_FORMATS, 'pdf'] as const;
export type BackgroundFormat = (typeof BACKGROUND_FORMATS)[number];

export const EXPORT_FILE_TYPES: Record<BackgroundFormat, string> = { ...EXPORT_CONTENT_TYPES, pdf: 'application/pdf' };
