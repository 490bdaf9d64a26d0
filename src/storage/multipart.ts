import type { Readable } from 'node:stream';
import Busboy, { type BusboyInstance } from '@fastify/busboy';
import { UploadRequestError } from './storage.errors';
import type { IncomingUpload } from './upload';

/** A part's headers (its name, file name and type) may take this much; the rest is cut off. */
const MAX_PART_HEADER_BYTES = 16 * 1024;
/** The longest text field name taken; a longer one fails the request. */
const MAX_FIELD_NAME_LENGTH = 100;

export interface MultipartOptions<T> {
  /** Filled with the text fields as they arrive, so they are at hand even when reading fails. */
  fields: Record<string, string>;
  /** The file field read; files of other fields are skipped unread. */
  fileField: string;
  maxFields: number;
  maxFieldBytes: number;
  /**
   * How many files of `fileField` are read, one after another. Unset: one, and any more are skipped
   * unread. Set: one more fails the request with `tooManyFiles`, and parts without a file name (an
   * empty file input) are skipped.
   */
  maxFiles?: number;
  /** Consumes the file's stream; must settle once the stream ends or is destroyed. */
  onFile(stream: Readable, fileName: string): Promise<T>;
}

/**
 * Reads a multipart/form-data request as it arrives: text fields into memory (bounded), each file
 * handed on as a stream in turn. On any failure it stops reading the request and waits for the file handlers to
 * settle before rejecting, so each can clean up after itself. A handler that stored its file before a
 * later part failed must remember it and remove it when this rejects.
 */
export function readMultipart<T>(upload: IncomingUpload, options: MultipartOptions<T>): Promise<T[]> {
  const { stream: req } = upload;
  const several = options.maxFiles !== undefined;
  const maxFiles = options.maxFiles ?? 1;
  return new Promise((resolve, reject) => {
    let parser: BusboyInstance;
    try {
      parser = Busboy({
        headers: upload.headers as { 'content-type': string },
        defCharset: 'utf8',
        // Room for one file too many (refused by name below) and a few empty file inputs.
        limits: {
          files: several ? maxFiles + 5 : 1,
          fields: options.maxFields,
          parts: options.maxFields + (several ? maxFiles + 5 : 1),
          fieldSize: options.maxFieldBytes,
          headerSize: MAX_PART_HEADER_BYTES,
        },
      });
    } catch {
      reject(UploadRequestError.malformed());
      return;
    }
    const { fields } = options;
    const handled: Promise<T>[] = [];
    let handling: Promise<T> | undefined;
    let fileStream: Readable | undefined;
    let failed = false;

    const stopReading = () => {
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => undefined);
      // Whatever the client still sends is not wanted.
      if (!upload.isComplete()) upload.stopReading();
    };
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stopReading();
      fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
      const settled = Promise.allSettled(handled);
      void settled.then(() => reject(error));
    };

    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (name.length > MAX_FIELD_NAME_LENGTH || valueTruncated)
        return fail(UploadRequestError.fieldTooLong(name.slice(0, MAX_FIELD_NAME_LENGTH)));
      if (name !== '__proto__' && !Object.hasOwn(fields, name)) fields[name] = value;
    });
    parser.on('file', (name, stream, filename) => {
      if (name !== options.fileField || (several && !filename) || (!several && handling)) {
        stream.resume();
        return;
      }
      if (handled.length >= maxFiles) {
        stream.resume();
        return fail(UploadRequestError.tooManyFiles(maxFiles));
      }
      fileStream = stream;
      handling = options.onFile(stream, filename ?? '');
      handled.push(handling);
      handling.catch(fail);
    });
    parser.on('fieldsLimit', () => fail(UploadRequestError.tooManyParts()));
    if (several) parser.on('filesLimit', () => fail(UploadRequestError.tooManyFiles(maxFiles)));
    parser.on('partsLimit', () => fail(UploadRequestError.tooManyParts()));
    parser.on('error', () => fail(UploadRequestError.malformed()));
    // Emitted once the closing delimiter is read and every file stream has ended.
    parser.on('finish', () => {
      if (failed) return;
      Promise.all(handled).then((files) => {
        if (!failed) resolve(files);
      }, fail);
    });
    req.on('close', () => {
      if (!upload.isComplete()) fail(UploadRequestError.aborted());
    });
    req.pipe(parser);
  });
}
