import type { Response } from 'express';
import { EXPORT_CONTENT_TYPES } from '../common/table-export';
import { contentDisposition } from '../storage/file-names';
import type { SheetFile } from './attendance-sheets.service';
import type { InlineExport } from './report-exports.service';

/** A report file streamed as it is written: never cached, never sniffed; a failure midway cuts the download off. */
export function sendReportFile(res: Response, file: InlineExport): void {
  res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[file.format]);
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  file.content.on('error', () => res.destroy());
  res.on('close', () => file.content.destroy());
  file.content.pipe(res);
}

/** The signed attendance sheets, shown in the browser (to print) under their file name. */
export function sendSheetFile(res: Response, sheet: SheetFile): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', contentDisposition(sheet.fileName, 'inline'));
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(sheet.pdf);
}
