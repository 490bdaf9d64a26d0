import { ConflictError, DomainError, NotFoundError, ValidationFailedError } from '../common/errors';
import type { ImportFileError } from './question-import';

export class PartNotFoundError extends NotFoundError {
  constructor() {
    super('questions.errors.partNotFound');
  }
}

export class CategoryNotFoundError extends NotFoundError {
  constructor() {
    super('questions.errors.categoryNotFound');
  }

  /** A category chosen in a form that is not one of the part's: a bad field, not a missing page. */
  static asField(): ValidationFailedError {
    return ValidationFailedError.field('categoryId', 'question.categoryUnknown');
  }
}

export class QuestionNotFoundError extends NotFoundError {
  constructor() {
    super('questions.errors.notFound');
  }
}

export class CategoryNameTakenError extends ConflictError {
  constructor() {
    super('CATEGORY_NAME_TAKEN', 'questions.errors.categoryNameTaken', {}, [{ field: 'name', code: 'question.categoryNameTaken' }]);
  }
}

/** A category is deleted only when no question (archived ones included) is in it. */
export class CategoryNotEmptyError extends ConflictError {
  constructor(count: number) {
    super('CATEGORY_NOT_EMPTY', 'questions.errors.categoryNotEmpty', { count });
  }
}

/** A file that cannot be read as a question bank at all; nothing of it was written. */
export class QuestionFileRefusedError extends DomainError {
  constructor(
    readonly reason: ImportFileError['code'] | 'unknown_format',
    detail?: string,
  ) {
    super(
      reason === 'too_large' ? 413 : 422,
      `IMPORT_${reason.toUpperCase()}`,
      `questions.import.fileErrors.${reason}`,
      { detail: detail ?? '' },
      [{ field: 'file', code: `question.file.${reason}`, params: { detail: detail ?? '' } }],
    );
  }
}
