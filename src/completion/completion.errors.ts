import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors';

/** No such enrolment of a member, or not one the caller may see. */
export class CompletionNotFoundError extends NotFoundError {
  constructor() {
    super('completion.errors.notFound');
  }
}

/** A closed cohort's completions are fixed until it is reopened. */
export class CohortClosedError extends ConflictError {
  constructor() {
    super('COHORT_CLOSED', 'completion.errors.cohortClosed');
  }
}

export class CohortAlreadyClosedError extends ConflictError {
  constructor() {
    super('COHORT_ALREADY_CLOSED', 'completion.errors.alreadyClosed');
  }
}

export class CohortNotClosedError extends ConflictError {
  constructor() {
    super('COHORT_NOT_CLOSED', 'completion.errors.notClosed');
  }
}

/** "Back to the rule" when nothing was set by hand. */
export class NothingSetByHandError extends ValidationFailedError {
  constructor() {
    super([{ field: 'state', code: 'completion.nothingToClear' }]);
  }
}
