import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors';

export class ProgrammeNotFoundError extends NotFoundError {
  constructor() {
    super('programmes.errors.notFound');
  }
}

export class PartNotFoundError extends NotFoundError {
  constructor() {
    super('programmes.errors.partNotFound');
  }
}

export class IndicatorNotFoundError extends NotFoundError {
  constructor() {
    super('programmes.errors.indicatorNotFound');
  }
}

export class PartNumberTakenError extends ConflictError {
  constructor(number: number) {
    super('PART_NUMBER_TAKEN', 'programmes.errors.partNumberTaken', { number }, [
      { field: 'number', code: 'programme.partNumberTaken', params: { number } },
    ]);
  }
}

/** A new order must name every part of the programme exactly once. */
export class InvalidPartOrderError extends ValidationFailedError {
  constructor() {
    super([{ field: 'partIds', code: 'programme.partOrder' }]);
  }
}
