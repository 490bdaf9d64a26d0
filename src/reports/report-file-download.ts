import type { Readable } from 'node:stream';
import type { Download } from '../common/download';
import { EXPORT_CONTENT_TYPES } from '../common/table-export';
import { contentDisposition } from '../storage/file-names';
import type { SheetFile } from './attendance-sheets.service';
import type { InlineExport } from './report-exports.service';

const NOT_KEPT = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/** A report file streamed as it is written (`pipeDownload`): never cached, never sniffed; a failure midway cuts it off. */
export function reportFileDownload(file: InlineExport): Download & { content: Readable } {
  return {
    content: file.content,
    type: EXPORT_CONTENT_TYPES[file.format],
    disposition: contentDisposition(file.fileName),
    headers: NOT_KEPT,
    abort: () => file.content.destroy(),
  };
}

/** The signed attendance sheets, shown in the browser (to print) under their file name (`sendBytes`). */
export function sheetFileDownload(sheet: SheetFile): Download & { content: Buffer } {
  return { content: sheet.pdf, type: 'application/pdf', disposition: contentDisposition(sheet.fileName, 'inline'), headers: NOT_KEPT };
}
