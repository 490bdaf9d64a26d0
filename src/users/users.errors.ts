import { ConflictError, DomainError } from '../common/errors';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('EMAIL_TAKEN', 'users.errors.emailTaken', {}, [{ field: 'email', code: 'emailTaken' }]);
  }
}

export class CannotDisableSelfError extends DomainError {
  constructor() {
    super(409, 'CANNOT_DISABLE_SELF', 'users.errors.cannotDisableSelf');
  }
}

export class CannotRemoveOwnAdminError extends DomainError {
  constructor() {
    super(409, 'CANNOT_REMOVE_OWN_ADMIN', 'users.errors.cannotRemoveOwnAdmin', {}, [{ field: 'roles', code: 'cannotRemoveOwnAdmin' }]);
  }
}
