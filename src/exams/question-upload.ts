import { readMultipart } from '../storage/multipart';
import { UploadRequestError } from '../storage/storage.errors';
import { type IncomingUpload, isMultipart } from '../storage/upload';
import { QuestionFileRefusedError } from './question-bank.errors';
import { MAX_IMPORT_BYTES } from './question-import';

/** A question file as read from an upload form, whole, in memory (it is at most MAX_IMPORT_BYTES). */
export interface QuestionFile {
  fileName: string;
  content: Buffer;
}

export const QUESTION_FILE_FIELD = 'file';

/**
 * A file somewhat over the limit is read to its end and thrown away, so that the browser gets the page that
 * says so; past this much the connection is closed instead.
 */
const DRAIN_LIMIT = 4 * MAX_IMPORT_BYTES;
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads an import form: its text fields (handed to `fieldsRead`, so a refused form can be shown again) and its one
 * file. A file over the limit is refused whole with `too_large`; no file at all is a missing field.
 */
export async function receiveQuestionFile(upload: IncomingUpload): Promise<{ fields: Record<string, string>; file: QuestionFile | null }> {
  if (!isMultipart(upload.headers)) throw UploadRequestError.notMultipart();
  const declared = Number(upload.headers['content-length']);
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT + FORM_OVERHEAD_BYTES) {
    upload.stopReading();
    throw UploadRequestError.tooLarge(MAX_IMPORT_BYTES);
  }
  const fields: Record<string, string> = {};
  let tooLarge = false;
  try {
    const [file] = await readMultipart<QuestionFile | null>(upload, {
      fields,
      fileField: QUESTION_FILE_FIELD,
      maxFields: 10,
      maxFieldBytes: 4 * 1024,
      onFile: (stream, fileName) =>
        new Promise((resolve, reject) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          stream.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (bytes > DRAIN_LIMIT) {
              stream.destroy();
              reject(UploadRequestError.tooLarge(MAX_IMPORT_BYTES));
              return;
            }
            if (bytes > MAX_IMPORT_BYTES) {
              tooLarge = true;
              chunks.length = 0;
            } else chunks.push(chunk);
          });
          stream.on('error', reject);
          stream.on('end', () => resolve(fileName || bytes ? { fileName, content: Buffer.concat(chunks) } : null));
        }),
    });
    if (tooLarge) throw new QuestionFileRefusedError('too_large');
    return { fields, file: file ?? null };
  } finally {
    upload.fieldsRead(fields);
  }
}
