import type { FileMeta } from './stored-file-download';

/** A stored file as the API gives it: what it is, its hash, and where to download it. */
export function storedFileJson(file: FileMeta & { id: string; sha256: string }, downloadUrl: string) {
  return {
    id: file.id,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: Number(file.size),
    sha256: file.sha256,
    downloadUrl,
  };
}
