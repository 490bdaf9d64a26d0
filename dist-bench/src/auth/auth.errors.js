"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidPasswordLinkError = exports.LoginRateLimitedError = exports.InvalidCredentialsError = void 0;
const errors_1 = require("../common/errors");
class InvalidCredentialsError extends errors_1.DomainError {
    constructor() {
        super(400, 'INVALID_CREDENTIALS', 'auth.errors.invalidCredentials');
    }
}
exports.InvalidCredentialsError = InvalidCredentialsError;
class LoginRateLimitedError extends errors_1.TooManyRequestsError {
    constructor(retryAfterSeconds) {
        super('auth.errors.tooManyAttempts', retryAfterSeconds);
    }
}
exports.LoginRateLimitedError = LoginRateLimitedError;
class InvalidPasswordLinkError extends errors_1.DomainError {
    constructor() {
        super(410, 'LINK_INVALID', 'auth.errors.linkInvalid');
    }
}
exports.InvalidPasswordLinkError = InvalidPasswordLinkError;
