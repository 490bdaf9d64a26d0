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
