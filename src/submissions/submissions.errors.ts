import { ConflictError, DomainError, NotFoundError, ValidationFailedError } from '../common/errors';

// Submissions. Messages are in locales/<lang>/assignments.json.

export class SubmissionNotFoundError extends NotFoundError {
  constructor() {
    super('assignments.errors.submissionNotFound');
  }
}

export class SubmissionFileNotFoundError extends NotFoundError {
  constructor() {
    super('assignments.errors.fileNotFound');
  }
}

export class AssignmentNotOpenError extends DomainError {
  constructor() {
    super(409, 'ASSIGNMENT_NOT_OPEN', 'assignments.errors.notOpen');
  }
}

/** At or after the cut-off (or past the revision due time) nothing is accepted, and nothing was kept. */
export class SubmissionClosedError extends DomainError {
  constructor() {
    super(409, 'SUBMISSION_CLOSED', 'assignments.errors.closed');
  }
}

/** Submitted, graded work waits for the grade; only work returned for revision takes a new version. */
export class SubmissionLockedError extends ConflictError {
  constructor() {
    super('SUBMISSION_LOCKED', 'assignments.errors.locked');
  }
}

/** Other hand-ins of the same trainee kept going first: this one gave up, keeping nothing, rather than guess. */
export class SubmissionChangedMeanwhileError extends ConflictError {
  constructor() {
    super('SUBMISSION_CHANGED_MEANWHILE', 'assignments.errors.changedMeanwhile');
  }
}

export class TooManyFilesError extends ValidationFailedError {
  constructor(max: number) {
    super([{ field: 'files', code: 'assignment.tooManyFiles', params: { max, count: max } }]);
  }
}

export class EmptySubmissionError extends ValidationFailedError {
  constructor() {
    super([{ field: 'text', code: 'assignment.emptySubmission' }]);
  }
}

export class TextNotAllowedError extends ValidationFailedError {
  constructor() {
    super([{ field: 'text', code: 'assignment.textNotAllowed' }]);
  }
}

/** A submitted version is kept as it was. */
export class VersionSubmittedError extends ConflictError {
  constructor() {
    super('VERSION_SUBMITTED', 'assignments.errors.versionSubmitted');
  }
}
