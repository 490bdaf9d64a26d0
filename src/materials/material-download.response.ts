import type { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { sendStoredFile } from '../storage/file-response';
import type { MaterialDownload } from './materials.service';

/** Sends a material as a download under its original name. */
export function downloadFile(res: Response, { material, content }: MaterialDownload): StreamableFile {
  return sendStoredFile(res, material, content);
}
