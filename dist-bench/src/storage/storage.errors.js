"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UploadRequestError = exports.FileRejectedError = void 0;
const errors_1 = require("../common/errors");
/** An uploaded file refused for what it is; the message names the file. Keys are in locales/<lang>/storage.json. */
class FileRejectedError extends errors_1.DomainError {
    static empty(file) {
        return new FileRejectedError(422, 'FILE_EMPTY', 'storage.errors.empty', { file });
    }
    static tooLarge(file, maxBytes) {
        return new FileRejectedError(413, 'FILE_TOO_LARGE', 'storage.errors.tooLarge', { file, maxMb: megabytes(maxBytes) });
    }
    static typeNotAllowed(file, allowed) {
        return new FileRejectedError(415, 'FILE_TYPE_NOT_ALLOWED', 'storage.errors.typeNotAllowed', { file, allowed });
    }
    static mismatch(file, detected, extension) {
        return new FileRejectedError(415, 'FILE_CONTENT_MISMATCH', 'storage.errors.mismatch', { file, detected, extension: extension.toUpperCase() });
    }
    static unrecognised(file, allowed) {
        return new FileRejectedError(415, 'FILE_UNRECOGNISED', 'storage.errors.unrecognised', { file, allowed });
    }
    static executable(file) {
        return new FileRejectedError(415, 'FILE_EXECUTABLE', 'storage.errors.executable', { file });
    }
    static macros(file) {
        return new FileRejectedError(415, 'FILE_MACROS', 'storage.errors.macros', { file });
    }
    static unsafeArchive(file, problem) {
        return new FileRejectedError(422, 'ARCHIVE_UNSAFE', `storage.errors.archive.${problem}`, { file });
    }
}
exports.FileRejectedError = FileRejectedError;
/** The request itself is not an upload we can read. */
class UploadRequestError extends errors_1.DomainError {
    static notMultipart() {
        return new UploadRequestError(415, 'MULTIPART_REQUIRED', 'storage.errors.notMultipart');
    }
    static malformed() {
        return new UploadRequestError(400, 'MULTIPART_INVALID', 'storage.errors.malformed');
    }
    static tooManyParts() {
        return new UploadRequestError(400, 'MULTIPART_TOO_MANY_PARTS', 'storage.errors.tooManyParts');
    }
    static fieldTooLong(field) {
        return new UploadRequestError(400, 'MULTIPART_FIELD_TOO_LONG', 'storage.errors.fieldTooLong', { field });
    }
    static tooLarge(maxBytes) {
        return new UploadRequestError(413, 'FILE_TOO_LARGE', 'storage.errors.requestTooLarge', { maxMb: megabytes(maxBytes) });
    }
    static aborted() {
        return new UploadRequestError(400, 'UPLOAD_ABORTED', 'storage.errors.aborted');
    }
}
exports.UploadRequestError = UploadRequestError;
function megabytes(bytes) {
    return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
