import { ConflictError, DomainError, NotFoundError, ValidationFailedError } from '../common/errors';

// Assignments and extensions. Messages are in locales/<lang>/assignments.json.

export class AssignmentNotFoundError extends NotFoundError {
  constructor() {
    super('assignments.errors.notFound');
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

export class NotATraineeOfCohortError extends ValidationFailedError {
  constructor() {
    super([{ field: 'userId', code: 'assignment.notTrainee' }]);
  }
}
