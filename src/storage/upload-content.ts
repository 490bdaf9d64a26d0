import { readMultipart } from './multipart';
import { UploadRequestError } from './storage.errors';
import { type IncomingUpload, isMultipart } from './upload';

/** A small file read whole from a form, in memory, to be judged at once (a question bank, a badge). */
export interface UploadedContent {
  fileName: string;
  content: Buffer;
}

export interface UploadContentOptions {
  fileField: string;
  /** The largest file kept; a larger one is read on (up to four times as much) and reported as `tooLarge`. */
  maxBytes: number;
  maxFields: number;
  maxFieldBytes: number;
}

const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads a form with one small file: its text fields (handed to `fieldsRead`, so a refused form can be shown again)
 * and the file whole. A file somewhat over the limit is read to its end and dropped, with `tooLarge` set, so that
 * the browser gets the page that says so; past four times the limit the connection is closed instead. No file (an
 * empty file input) gives `file: null`.
 */
export async function readUploadContent(
  upload: IncomingUpload,
  options: UploadContentOptions,
): Promise<{ fields: Record<string, string>; file: UploadedContent | null; tooLarge: boolean }> {
  if (!isMultipart(upload.headers)) throw UploadRequestError.notMultipart();
  const drainLimit = 4 * options.maxBytes;
  const declared = Number(upload.headers['content-length']);
  if (Number.isFinite(declared) && declared > drainLimit + FORM_OVERHEAD_BYTES) {
    upload.stopReading();
    throw UploadRequestError.tooLarge(options.maxBytes);
  }
  const fields: Record<string, string> = {};
  let tooLarge = false;
  try {
    const [file] = await readMultipart<UploadedContent | null>(upload, {
      fields,
      fileField: options.fileField,
      maxFields: options.maxFields,
      maxFieldBytes: options.maxFieldBytes,
      onFile: (stream, fileName) =>
        new Promise((resolve, reject) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          stream.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (bytes > drainLimit) {
              stream.destroy();
              reject(UploadRequestError.tooLarge(options.maxBytes));
              return;
            }
            if (bytes > options.maxBytes) {
              tooLarge = true;
              chunks.length = 0;
            } else chunks.push(chunk);
          });
          stream.on('error', reject);
          stream.on('end', () => resolve(fileName || bytes ? { fileName, content: Buffer.concat(chunks) } : null));
        }),
    });
    return { fields, file: tooLarge ? null : (file ?? null), tooLarge };
  } finally {
    upload.fieldsRead(fields);
  }
}
