import { ConflictError, NotFoundError } from '../common/errors';

export class OutboxMessageNotFoundError extends NotFoundError {
  constructor() {
    super('outbox.errors.notFound');
  }
}

export class NotResendableError extends ConflictError {
  constructor() {
    super('OUTBOX_NOT_RESENDABLE', 'outbox.errors.notResendable');
  }
}

export class InvalidUnsubscribeLinkError extends NotFoundError {
  constructor() {
    super('outbox.unsubscribe.invalid');
  }
}
