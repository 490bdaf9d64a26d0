import type { TranslateParams } from '../i18n/i18n.service';

export interface FieldError {
  field: string;
  /** A key under `validation.` in the locale files. */
  code: string;
  params?: TranslateParams;
}

/** A failure the user can understand; the exception filter turns it into a page or JSON. */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** A key in the locale files. */
    readonly messageKey: string,
    readonly params: TranslateParams = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(`${code}: ${messageKey}`);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(fieldErrors: FieldError[], messageKey = 'errors.validation') {
    super(400, 'VALIDATION_FAILED', messageKey, { fields: fieldErrors.map((e) => e.field).join(', ') }, fieldErrors);
  }

  static field(field: string, code: string, params?: TranslateParams): ValidationFailedError {
    return new ValidationFailedError([{ field, code, params }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(messageKey = 'errors.notFound') {
    super(404, 'NOT_FOUND', messageKey);
  }
}

export class ForbiddenError extends DomainError {
  constructor(messageKey = 'errors.forbidden') {
    super(403, 'FORBIDDEN', messageKey);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(messageKey = 'errors.unauthenticated') {
    super(401, 'UNAUTHENTICATED', messageKey);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, messageKey: string, params?: TranslateParams, fieldErrors?: FieldError[]) {
    super(409, code, messageKey, params, fieldErrors);
  }
}

/** PostgreSQL or Redis cannot be reached: nothing was done, and the same request may be sent again later. */
export class ServiceUnavailableError extends DomainError {
  constructor(readonly retryAfterSeconds = 30) {
    super(503, 'SERVICE_UNAVAILABLE', 'errors.unavailable');
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    messageKey: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'TOO_MANY_REQUESTS', messageKey, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}
