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

export class SubmissionFileNotFoundError extends NotFoundError {
  constructor() {
    super('assignments.errors.fileNotFound');
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

/** A submitted version is kept as it was. */
export class VersionSubmittedError extends ConflictError {
  constructor() {
    super('VERSION_SUBMITTED', 'assignments.errors.versionSubmitted');
  }
}

// Grading. Messages are in locales/<lang>/grading.json.

/**
 * Someone else saved (or first created) the grade after this form was opened, or the trainee handed in a
 * newer version: nothing was saved. `name` is who saved the grade now in place.
 */
export class GradeConflictError extends ConflictError {
  constructor(reason: 'saved' | 'newVersion', name = '') {
    super('GRADE_CONFLICT', `grading.errors.conflict.${reason}`, { name });
  }
}

/** Only work that was handed in (a submitted version) is graded or returned. */
export class NothingSubmittedError extends ConflictError {
  constructor() {
    super('NOTHING_SUBMITTED', 'grading.errors.nothingSubmitted');
  }
}

/** A grade is released only once it is saved for the latest version, and not while the work is back with the trainee. */
export class GradeNotReleasableError extends ConflictError {
  constructor(reason: 'noGrade' | 'outdated' | 'returned') {
    super('GRADE_NOT_RELEASABLE', `grading.errors.notReleasable.${reason}`);
  }
}

/** No grade to show: none yet, or (to the trainee) not released. */
export class GradeNotFoundError extends NotFoundError {
  constructor() {
    super('grading.errors.noGrade');
  }
}

export class ScoreOutOfRangeError extends ValidationFailedError {
  constructor(max: string) {
    super([{ field: 'score', code: 'grading.scoreRange', params: { max } }]);
  }
}
