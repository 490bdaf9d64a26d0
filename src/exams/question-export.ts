import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { contentDisposition } from '../storage/file-names';

/** Sends an exported bank as a download; it is made for this caller, so no cache keeps it. */
export function sendQuestionFile(res: Response, file: { fileName: string; content: string }): StreamableFile {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(Buffer.from(file.content, 'utf8'), {
    type: 'application/xml; charset=utf-8',
    disposition: contentDisposition(file.fileName, 'attachment'),
  });
}
