import type { Response } from 'express';
import { contentDisposition } from '../storage/file-names';
import type { SubmissionsArchive } from './grading-zip.service';

/** Streams the archive to the client; a client that goes away stops the reading of files. */
export function sendArchive(res: Response, archive: SubmissionsArchive): void {
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', contentDisposition(archive.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  if (archive.size !== null) res.setHeader('Content-Length', String(archive.size));
  res.on('close', () => {
    if (!res.writableFinished) archive.abort();
  });
  archive.output.on('error', () => res.destroy());
  archive.output.pipe(res);
}
