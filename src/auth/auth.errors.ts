import { DomainError, TooManyRequestsError } from '../common/errors';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(400, 'INVALID_CREDENTIALS', 'auth.errors.invalidCredentials');
  }
}

export class LoginRateLimitedError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('auth.errors.tooManyAttempts', retryAfterSeconds);
  }
}

export class InvalidPasswordLinkError extends DomainError {
  constructor() {
    super(410, 'LINK_INVALID', 'auth.errors.linkInvalid');
  }
}
