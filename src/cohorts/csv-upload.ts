import { FileInterceptor } from '@nestjs/platform-express';

/** The part of an uploaded file the importers read. */
export interface UploadedCsv {
  buffer: Buffer;
}

/** One CSV file in the `file` field, kept in memory, at most 1 MB. */
export const CSV_UPLOAD = FileInterceptor('file', { limits: { fileSize: 1_000_000, files: 1 } });
