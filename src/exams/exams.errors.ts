import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors';

export class ExamNotFoundError extends NotFoundError {
  constructor() {
    super('exams.errors.notFound');
  }
}

export class AttemptNotFoundError extends NotFoundError {
  constructor() {
    super('exams.errors.attemptNotFound');
  }
}

export class ExamCohortNotFoundError extends NotFoundError {
  constructor() {
    super('exams.errors.cohortNotFound');
  }
}

/** The exam is not open to this trainee now: not yet, no longer, or in person. */
export class ExamNotOpenError extends ConflictError {
  constructor(messageKey: 'exams.errors.notOpenYet' | 'exams.errors.closed' | 'exams.errors.notOnline') {
    super('EXAM_NOT_OPEN', messageKey);
  }
}

export class NoAttemptsLeftError extends ConflictError {
  constructor() {
    super('NO_ATTEMPTS_LEFT', 'exams.errors.noAttemptsLeft');
  }
}

export class AttemptClosedError extends ConflictError {
  constructor() {
    super('ATTEMPT_CLOSED', 'exams.errors.attemptClosed');
  }
}

/** An answer arrived after the deadline and its grace: it is kept as evidence, not counted. */
export class AnswerTooLateError extends ConflictError {
  constructor() {
    super('ANSWER_TOO_LATE', 'exams.errors.tooLate');
  }
}

export class NotATraineeOfCohortError extends ForbiddenError {
  constructor() {
    super('exams.errors.notMember');
  }
}

/** The record changed since the form was opened. */
export class ExamChangedError extends ConflictError {
  constructor() {
    super('EXAM_CHANGED', 'exams.errors.changed');
  }
}

export class ExamHasAttemptsError extends ConflictError {
  constructor() {
    super('EXAM_HAS_ATTEMPTS', 'exams.errors.hasAttempts');
  }
}

export class NotEnoughQuestionsFieldError extends ValidationFailedError {
  constructor(wanted: number, available: number) {
    super([{ field: 'selection', code: 'exam.notEnoughQuestions', params: { wanted, available } }]);
  }
}

export class QuestionUnknownError extends ValidationFailedError {
  constructor() {
    super([{ field: 'selection', code: 'exam.questionUnknown' }]);
  }
}

export class SessionNotOfCohortError extends ValidationFailedError {
  constructor() {
    super([{ field: 'sessionId', code: 'exam.sessionNotOfCohort' }]);
  }
}

export class RetakeNotOfCohortError extends ValidationFailedError {
  constructor() {
    super([{ field: 'retakeOfId', code: 'exam.retakeNotOfCohort' }]);
  }
}

export class PassMarkAboveMaxError extends ValidationFailedError {
  constructor() {
    super([{ field: 'passMark', code: 'exam.passMarkAboveMax' }]);
  }
}

export class NotATraineeFieldError extends ValidationFailedError {
  constructor() {
    super([{ field: 'userId', code: 'exam.notTrainee' }]);
  }
}

export class AnswerKindError extends ValidationFailedError {
  constructor() {
    super([{ field: 'response', code: 'exam.answerKind' }]);
  }
}

export class NoSuchQuestionPositionError extends NotFoundError {
  constructor() {
    super('exams.errors.questionNotFound');
  }
}
