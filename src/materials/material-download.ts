import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { contentDisposition } from '../storage/file-names';
import type { MaterialDownload } from './materials.service';

/**
 * Sends a stored file as a download under its original name. The stored type was checked from the content;
 * nosniff and a sandboxing policy keep a browser from running it as anything else.
 */
export function downloadFile(res: Response, { material, content }: MaterialDownload): StreamableFile {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(content, {
    type: material.mimeType,
    length: Number(material.size),
    disposition: contentDisposition(material.fileName),
  });
}
