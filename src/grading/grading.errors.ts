import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors';

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
