import type { MulterModuleOptions } from '@nestjs/platform-express';
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS } from './user-import.service';

/** The file field of an import, held in memory: small files only. */
export const CSV_UPLOAD: MulterModuleOptions = { limits: { fileSize: 1024 * 1024, files: 1, fields: 5 } };

/** What multer hands over for an uploaded file (memory storage). */
export interface UploadedCsv {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * The template offered for download: semicolons and a byte-order mark, so a spreadsheet program set to
 * Latvian opens it in columns with its letters intact.
 */
export const IMPORT_TEMPLATE = stringify(
  [
    [...IMPORT_COLUMNS],
    ['Anna Bērziņa', 'anna.berzina@example.lv', 'trainee', 'Projektu nodaļa', 'lv'],
    ['Jānis Kalniņš', 'janis.kalnins@example.lv', 'instructor|trainee', 'Attīstības departaments', 'lv'],
  ],
  { delimiter: ';', bom: true, record_delimiter: 'windows' },
);
