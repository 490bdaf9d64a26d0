import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { UploadRequestError } from './storage.errors';

export interface MultipartOptions<T> {
  /** Filled with the text fields as they arrive, so they are at hand even when reading fails. */
  fields: Record<string, string>;
  /** The one file field read; other files are skipped unread. */
  fileField: string;
  maxFields: number;
  maxFieldBytes: number;
  /** Consumes the file's stream; must settle once the stream ends or is destroyed. */
  onFile(stream: Readable, fileName: string): Promise<T>;
}

/**
 * Reads a multipart/form-data request as it arrives: text fields into memory (bounded), the one file
 * handed on as a stream. On any failure it stops reading the request and waits for the file handler to
 * settle before rejecting, so that handler can clean up after itself. A handler that stored the file
 * before a later part failed must remember it and remove it when this rejects.
 */
export function readMultipart<T>(req: Request, options: MultipartOptions<T>): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: options.maxFields, parts: options.maxFields + 1, fieldSize: options.maxFieldBytes, fieldNameSize: 100 },
      });
    } catch {
      reject(UploadRequestError.malformed());
      return;
    }
    const { fields } = options;
    let handling: Promise<T> | undefined;
    let fileStream: Readable | undefined;
    let failed = false;

    const stopReading = () => {
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => undefined);
      // Whatever the client still sends is not wanted: close the connection after answering.
      if (!req.complete) req.res?.setHeader('Connection', 'close');
    };
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stopReading();
      fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
      const settled = handling ? handling.then(() => undefined, () => undefined) : Promise.resolve();
      void settled.then(() => reject(error));
    };

    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) return fail(UploadRequestError.fieldTooLong(name));
      if (name !== '__proto__' && !Object.hasOwn(fields, name)) fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== options.fileField || handling) {
        stream.resume();
        return;
      }
      fileStream = stream;
      handling = options.onFile(stream, info.filename ?? '');
      handling.catch(fail);
    });
    parser.on('fieldsLimit', () => fail(UploadRequestError.tooManyParts()));
    parser.on('partsLimit', () => fail(UploadRequestError.tooManyParts()));
    parser.on('error', () => fail(UploadRequestError.malformed()));
    parser.on('close', () => {
      if (failed) return;
      const done = handling ?? Promise.resolve(undefined);
      done.then((file) => {
        if (!failed) resolve(file);
      }, fail);
    });
    req.on('close', () => {
      if (!req.complete) fail(UploadRequestError.aborted());
    });
    req.pipe(parser);
  });
}
