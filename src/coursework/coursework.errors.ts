import { ConflictError, DomainError, NotFoundError, ValidationFailedError } from '../common/errors';

// Assignments, submissions and extensions. Messages are in locales/<lang>/assignments.json.

export class AssignmentNotFoundError extends NotFoundError {
  constructor() {
    super('assignments.errors.notFound');
  }
}

export class SubmissionNotFoundError extends NotFoundError {
  constructor() {
    super('assignments.errors.submissionNotFound');
  }
}

/** The assignment has submissions, so it cannot be deleted. */
export class AssignmentInUseError extends ConflictError {
  constructor() {
    super('ASSIGNMENT_IN_USE', 'assignments.errors.inUse');
  }
}

/** Only trainees enrolled in the cohort hand in work. */
export class NotEnrolledError extends DomainError {
  constructor() {
    super(403, 'NOT_ENROLLED', 'assignments.errors.notEnrolled');
  }
}

export class AssignmentNotOpenError extends DomainError {
  constructor(opensAt: string) {
    super(409, 'ASSIGNMENT_NOT_OPEN', 'assignments.errors.notOpen', { opensAt });
  }
}

/** At or after the cut-off (or the revision due time) nothing is accepted, and nothing was kept. */
export class SubmissionClosedError extends DomainError {
  constructor(cutoffAt: string) {
    super(409, 'SUBMISSION_CLOSED', 'assignments.errors.closed', { cutoffAt });
  }
}

/** Submitted, graded work waits for the grade; only work returned for revision takes a new version. */
export class SubmissionLockedError extends ConflictError {
  constructor() {
    super('SUBMISSION_LOCKED', 'assignments.errors.locked');
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

export class NotATraineeOfCohortError extends ValidationFailedError {
  constructor() {
    super([{ field: 'userId', code: 'assignment.notTrainee' }]);
  }
}
