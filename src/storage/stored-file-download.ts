import type { Readable } from 'node:stream';
import type { Download } from '../common/download';
import { contentDisposition } from './file-names';

export interface FileMeta {
  fileName: string;
  mimeType: string;
  /** Bytes; a bigint column arrives as a string. */
  size: number | string;
}

/**
 * A stored file under its original name: as a download, or inline (a PDF shown in the browser).
 * The stored type was checked from the content; nosniff and a sandboxing policy keep a browser from
 * running it as anything else, and the page that shows it inline may frame it. It goes out byte for byte as
 * stored: no-transform keeps our compression and any proxy's off it.
 */
export function storedFileDownload(meta: FileMeta, content: Readable, disposition: 'attachment' | 'inline' = 'attachment'): Download {
  return {
    content,
    type: meta.mimeType,
    length: Number(meta.size),
    disposition: contentDisposition(meta.fileName, disposition),
    headers: {
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy':
        disposition === 'inline' ? "default-src 'none'; frame-ancestors 'self'; sandbox" : "default-src 'none'; sandbox",
      ...(disposition === 'inline' ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
      'Cache-Control': 'private, no-store, no-transform',
    },
  };
}
