import type { Download } from '../common/download';
import { contentDisposition } from '../storage/file-names';

/** An exported bank as a download; it is made for this caller, so no cache keeps it. */
export function questionFileDownload(file: { fileName: string; content: string }): Download {
  return {
    content: Buffer.from(file.content, 'utf8'),
    type: 'application/xml; charset=utf-8',
    disposition: contentDisposition(file.fileName, 'attachment'),
    headers: { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' },
  };
}
