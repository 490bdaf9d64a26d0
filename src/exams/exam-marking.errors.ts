import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors';

// Marking, re-marking, overriding and releasing exam results. Messages are in locales/<lang>/examMarking.json.

export class ExamItemNotFoundError extends NotFoundError {
  constructor() {
    super('examMarking.errors.itemNotFound');
  }
}

export class ExamResultNotFoundError extends NotFoundError {
  constructor() {
    super('examMarking.errors.resultNotFound');
  }
}

/** Someone else marked the answer (or changed the result) after this form was opened: nothing was saved. */
export class ExamMarkConflictError extends ConflictError {
  constructor(name: string) {
    super('EXAM_MARK_CONFLICT', 'examMarking.errors.markConflict', { name });
  }
}

export class ExamResultConflictError extends ConflictError {
  constructor(name: string) {
    super('EXAM_RESULT_CONFLICT', 'examMarking.errors.resultConflict', { name });
  }
}

/** Only answers of a submitted attempt are marked. */
export class AttemptNotSubmittedError extends ConflictError {
  constructor() {
    super('ATTEMPT_NOT_SUBMITTED', 'examMarking.errors.notSubmitted');
  }
}

/** Results are released once every attempt is handed in and marked. */
export class ExamNotReleasableError extends ConflictError {
  constructor(reason: 'inProgress' | 'unmarked', count: number) {
    super('EXAM_NOT_RELEASABLE', `examMarking.errors.notReleasable.${reason}`, { count });
  }
}

export class AwardedOutOfRangeError extends ValidationFailedError {
  constructor(max: string) {
    super([{ field: 'awarded', code: 'examMarking.awardedRange', params: { max } }]);
  }
}

export class VersionNotOfQuestionError extends ValidationFailedError {
  constructor() {
    super([{ field: 'versionId', code: 'examMarking.versionNotOfQuestion' }]);
  }
}

export class EssayNotRemarkedError extends ValidationFailedError {
  constructor() {
    super([{ field: 'versionId', code: 'examMarking.essayNotRemarked' }]);
  }
}

export class ResultScoreNeededError extends ValidationFailedError {
  constructor() {
    super([{ field: 'score', code: 'examMarking.scoreNeeded' }]);
  }
}

export class ResultScoreOutOfRangeError extends ValidationFailedError {
  constructor(max: string) {
    super([{ field: 'score', code: 'examMarking.scoreRange', params: { max } }]);
  }
}
