import { ConflictError, DomainError, NotFoundError, ValidationFailedError } from '../common/errors';
import type { TranslateParams } from '../i18n/i18n.service';

export class CohortNotFoundError extends NotFoundError {
  constructor() {
    super('cohorts.errors.notFound');
  }
}

export class EnrolmentNotFoundError extends NotFoundError {
  constructor() {
    super('cohorts.errors.enrolmentNotFound');
  }
}

export class UnknownPartError extends ValidationFailedError {
  constructor() {
    super([{ field: 'partId', code: 'cohort.unknownPart' }]);
  }
}

/** An instructor id that names nobody, or someone without the instructor role. */
export class InvalidInstructorError extends ValidationFailedError {
  constructor(code: 'cohort.unknownInstructor' | 'cohort.notInstructor', name?: string) {
    super([{ field: 'instructorIds', code, params: { name: name ?? '' } }]);
  }
}

export class CapacityBelowPlacesError extends ValidationFailedError {
  constructor(taken: number) {
    super([{ field: 'capacity', code: 'cohort.capacityBelowPlaces', params: { count: taken } }]);
  }
}

/** The one trainee the admin tried to enrol cannot be: unknown, not a trainee, or already in the cohort. */
export class CannotEnrolError extends ValidationFailedError {
  constructor(code: string, params?: TranslateParams) {
    super([{ field: 'userId', code, params }]);
  }
}

export class AlreadyInCohortError extends ConflictError {
  constructor() {
    super('ALREADY_IN_COHORT', 'cohorts.errors.alreadyInCohort', {}, [{ field: 'userId', code: 'enrolment.alreadyInCohort' }]);
  }
}

/** A closed programme's cohorts take nobody new, one by one or by CSV. */
export class ProgrammeClosedError extends DomainError {
  constructor(programme: string) {
    super(409, 'PROGRAMME_CLOSED', 'cohorts.errors.programmeClosed', { programme });
  }
}

/** Only someone enrolled or waiting can withdraw; a finished enrolment stays as it is. */
export class NotWithdrawableError extends DomainError {
  constructor() {
    super(409, 'NOT_WITHDRAWABLE', 'cohorts.errors.notWithdrawable');
  }
}

/** A CSV import with bad rows: nothing was enrolled; each bad row is a field error `rows.<line>`. */
export class EnrolmentImportRejectedError extends DomainError {
  constructor(errors: { line: number; code: string; params?: TranslateParams }[]) {
    super(
      422,
      'IMPORT_REJECTED',
      'cohorts.errors.importRejected',
      { count: errors.length },
      errors.map((e) => ({ field: `rows.${e.line}`, code: e.code, params: e.params })),
    );
  }
}
