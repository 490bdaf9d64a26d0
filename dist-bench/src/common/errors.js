"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TooManyRequestsError = exports.ConflictError = exports.UnauthenticatedError = exports.ForbiddenError = exports.NotFoundError = exports.ValidationFailedError = exports.DomainError = void 0;
/** A failure the user can understand; the exception filter turns it into a page or JSON. */
class DomainError extends Error {
    status;
    code;
    messageKey;
    params;
    fieldErrors;
    constructor(status, code, 
    /** A key in the locale files. */
    messageKey, params = {}, fieldErrors = []) {
        super(`${code}: ${messageKey}`);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.params = params;
        this.fieldErrors = fieldErrors;
        this.name = new.target.name;
    }
}
exports.DomainError = DomainError;
class ValidationFailedError extends DomainError {
    constructor(fieldErrors, messageKey = 'errors.validation') {
        super(400, 'VALIDATION_FAILED', messageKey, { fields: fieldErrors.map((e) => e.field).join(', ') }, fieldErrors);
    }
    static field(field, code, params) {
        return new ValidationFailedError([{ field, code, params }]);
    }
}
exports.ValidationFailedError = ValidationFailedError;
class NotFoundError extends DomainError {
    constructor(messageKey = 'errors.notFound') {
        super(404, 'NOT_FOUND', messageKey);
    }
}
exports.NotFoundError = NotFoundError;
class ForbiddenError extends DomainError {
    constructor(messageKey = 'errors.forbidden') {
        super(403, 'FORBIDDEN', messageKey);
    }
}
exports.ForbiddenError = ForbiddenError;
class UnauthenticatedError extends DomainError {
    constructor(messageKey = 'errors.unauthenticated') {
        super(401, 'UNAUTHENTICATED', messageKey);
    }
}
exports.UnauthenticatedError = UnauthenticatedError;
class ConflictError extends DomainError {
    constructor(code, messageKey, params, fieldErrors) {
        super(409, code, messageKey, params, fieldErrors);
    }
}
exports.ConflictError = ConflictError;
class TooManyRequestsError extends DomainError {
    retryAfterSeconds;
    constructor(messageKey, retryAfterSeconds) {
        super(429, 'TOO_MANY_REQUESTS', messageKey, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
exports.TooManyRequestsError = TooManyRequestsError;
