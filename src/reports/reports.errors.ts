import { DomainError, NotFoundError } from '../common/errors';

export class ReportCohortNotFoundError extends NotFoundError {
  constructor() {
    super('reports.errors.cohortNotFound');
  }
}

export class TraineeRecordNotFoundError extends NotFoundError {
  constructor() {
    super('reports.errors.traineeNotFound');
  }
}

export class ReportExportNotFoundError extends NotFoundError {
  constructor() {
    super('reports.errors.exportNotFound');
  }
}

/** The file's download link is valid for a day; after that the file is gone. */
export class ReportExportExpiredError extends DomainError {
  constructor() {
    super(410, 'EXPORT_EXPIRED', 'reports.errors.exportExpired');
  }
}

/** The export is still being made (or failed): nothing to download yet. */
export class ReportExportNotReadyError extends DomainError {
  constructor() {
    super(409, 'EXPORT_NOT_READY', 'reports.errors.exportNotReady');
  }
}

/** Too large to make inside the request: it is made in the background instead. */
export class ExportTooLargeError extends DomainError {
  constructor(cells: number, max: number) {
    super(413, 'EXPORT_TOO_LARGE', 'reports.errors.exportTooLarge', { cells, max });
  }
}
