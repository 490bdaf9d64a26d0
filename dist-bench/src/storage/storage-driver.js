"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StorageLimitExceededError = exports.STORAGE_DRIVER = void 0;
exports.STORAGE_DRIVER = Symbol('STORAGE_DRIVER');
/** The content grew past `maxBytes`; the driver has already removed what it wrote. */
class StorageLimitExceededError extends Error {
    maxBytes;
    constructor(maxBytes) {
        super(`Content exceeds ${maxBytes} bytes`);
        this.maxBytes = maxBytes;
        this.name = 'StorageLimitExceededError';
    }
}
exports.StorageLimitExceededError = StorageLimitExceededError;
