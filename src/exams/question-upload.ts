import type { IncomingUpload } from '../storage/upload';
import { readUploadContent, type UploadedContent } from '../storage/upload-content';
import { QuestionFileRefusedError } from './question-bank.errors';
import { MAX_IMPORT_BYTES } from './question-import';

/** A question file as read from an upload form, whole, in memory (it is at most MAX_IMPORT_BYTES). */
export type QuestionFile = UploadedContent;

export const QUESTION_FILE_FIELD = 'file';

/**
 * Reads an import form: its text fields (so a refused form can be shown again) and its one file. A file over the
 * limit is refused whole with `too_large`; no file at all is a missing field.
 */
export async function receiveQuestionFile(upload: IncomingUpload): Promise<{ fields: Record<string, string>; file: QuestionFile | null }> {
  const { fields, file, tooLarge } = await readUploadContent(upload, {
    fileField: QUESTION_FILE_FIELD,
    maxBytes: MAX_IMPORT_BYTES,
    maxFields: 10,
    maxFieldBytes: 4 * 1024,
  });
  if (tooLarge) throw new QuestionFileRefusedError('too_large');
  return { fields, file };
}
