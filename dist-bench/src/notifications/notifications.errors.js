"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidUnsubscribeLinkError = exports.NotResendableError = exports.OutboxMessageNotFoundError = void 0;
const errors_1 = require("../common/errors");
class OutboxMessageNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('outbox.errors.notFound');
    }
}
exports.OutboxMessageNotFoundError = OutboxMessageNotFoundError;
class NotResendableError extends errors_1.ConflictError {
    constructor() {
        super('OUTBOX_NOT_RESENDABLE', 'outbox.errors.notResendable');
    }
}
exports.NotResendableError = NotResendableError;
class InvalidUnsubscribeLinkError extends errors_1.NotFoundError {
    constructor() {
        super('outbox.unsubscribe.invalid');
    }
}
exports.InvalidUnsubscribeLinkError = InvalidUnsubscribeLinkError;
