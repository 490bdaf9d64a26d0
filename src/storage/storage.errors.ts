import { DomainError } from '../common/errors';
import type { ZipProblem } from './zip-inspector';

/** An uploaded file refused for what it is; the message names the file. Keys are in locales/<lang>/storage.json. */
export class FileRejectedError extends DomainError {
  static empty(file: string) {
    return new FileRejectedError(422, 'FILE_EMPTY', 'storage.errors.empty', { file });
  }

  static tooLarge(file: string, maxBytes: number) {
    return new FileRejectedError(413, 'FILE_TOO_LARGE', 'storage.errors.tooLarge', { file, maxMb: megabytes(maxBytes) });
  }

  static typeNotAllowed(file: string, allowed: string) {
    return new FileRejectedError(415, 'FILE_TYPE_NOT_ALLOWED', 'storage.errors.typeNotAllowed', { file, allowed });
  }

  static mismatch(file: string, detected: string, extension: string) {
    return new FileRejectedError(415, 'FILE_CONTENT_MISMATCH', 'storage.errors.mismatch', {
      file,
      detected,
      extension: extension.toUpperCase(),
    });
  }

  static unrecognised(file: string, allowed: string) {
    return new FileRejectedError(415, 'FILE_UNRECOGNISED', 'storage.errors.unrecognised', { file, allowed });
  }

  static executable(file: string) {
    return new FileRejectedError(415, 'FILE_EXECUTABLE', 'storage.errors.executable', { file });
  }

  static macros(file: string) {
    return new FileRejectedError(415, 'FILE_MACROS', 'storage.errors.macros', { file });
  }

  static unsafeArchive(file: string, problem: ZipProblem) {
    return new FileRejectedError(422, 'ARCHIVE_UNSAFE', `storage.errors.archive.${problem}`, { file });
  }
}

/** The request itself is not an upload we can read. */
export class UploadRequestError extends DomainError {
  static notMultipart() {
    return new UploadRequestError(415, 'MULTIPART_REQUIRED', 'storage.errors.notMultipart');
  }

  static malformed() {
    return new UploadRequestError(400, 'MULTIPART_INVALID', 'storage.errors.malformed');
  }

  static tooManyParts() {
    return new UploadRequestError(400, 'MULTIPART_TOO_MANY_PARTS', 'storage.errors.tooManyParts');
  }

  static tooManyFiles(max: number) {
    return new UploadRequestError(400, 'MULTIPART_TOO_MANY_FILES', 'storage.errors.tooManyFiles', { max, count: max }, [
      { field: 'files', code: 'tooManyFiles', params: { max, count: max } },
    ]);
  }

  static fieldTooLong(field: string) {
    return new UploadRequestError(400, 'MULTIPART_FIELD_TOO_LONG', 'storage.errors.fieldTooLong', { field });
  }

  static tooLarge(maxBytes: number) {
    return new UploadRequestError(413, 'FILE_TOO_LARGE', 'storage.errors.requestTooLarge', { maxMb: megabytes(maxBytes) });
  }

  static aborted() {
    return new UploadRequestError(400, 'UPLOAD_ABORTED', 'storage.errors.aborted');
  }
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
