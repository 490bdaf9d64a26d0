"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CannotRemoveOwnAdminError = exports.CannotDisableSelfError = exports.EmailTakenError = void 0;
const errors_1 = require("../common/errors");
class EmailTakenError extends errors_1.ConflictError {
    constructor() {
        super('EMAIL_TAKEN', 'users.errors.emailTaken', {}, [{ field: 'email', code: 'emailTaken' }]);
    }
}
exports.EmailTakenError = EmailTakenError;
class CannotDisableSelfError extends errors_1.DomainError {
    constructor() {
        super(409, 'CANNOT_DISABLE_SELF', 'users.errors.cannotDisableSelf');
    }
}
exports.CannotDisableSelfError = CannotDisableSelfError;
class CannotRemoveOwnAdminError extends errors_1.DomainError {
    constructor() {
        super(409, 'CANNOT_REMOVE_OWN_ADMIN', 'users.errors.cannotRemoveOwnAdmin', {}, [{ field: 'roles', code: 'cannotRemoveOwnAdmin' }]);
    }
}
exports.CannotRemoveOwnAdminError = CannotRemoveOwnAdminError;
