import type { Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { Download } from '../common/download';
import { contentDisposition, extensionOf } from './file-names';
import type { StorageService } from './storage.service';

/**
 * One entry of an archive: a stored file read when its turn comes (`about` names its record in the log should the
 * file be missing), or a few bytes made here.
 */
export type ZipEntry = { name: string; mtime: Date } & (
  { key: string; size: number; about?: Record<string, unknown> } | { content: Buffer }
);

/**
 * An archive made as it is sent. Its length is known in advance (every entry is stored uncompressed with its size
 * known: the files are mostly compressed formats already); `abort` stops the reading when the client went away.
 */
export type ZipDownload = Download & { content: Readable };

/** Names taken in one folder of an archive, compared as a file system that ignores case would. */
export class ZipNames {
  private readonly taken = new Set<string>();

  /** `name`, or `name (2)`, `name (3)`… when it is already taken; extensions stay last. */
  unique(name: string): string {
    const lower = (value: string) => value.toLocaleLowerCase('lv');
    const extension = extensionOf(name);
    const base = extension ? name.slice(0, -(extension.length + 1)) : name;
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : extension ? `${base} (${n}).${extension}` : `${base} (${n})`;
      if (!this.taken.has(lower(candidate))) {
        this.taken.add(lower(candidate));
        return candidate;
      }
    }
  }
}

/** Which of the keys have a stored file, asked 50 at a time. */
async function presentKeys(storage: StorageService, keys: string[]): Promise<Set<string>> {
  const unique = [...new Set(keys)];
  const present = new Set<string>();
  for (let i = 0; i < unique.length; i += 50) {
    const batch = unique.slice(i, i + 50);
    const found = await Promise.all(batch.map((key) => storage.exists(key)));
    batch.forEach((key, index) => found[index] && present.add(key));
  }
  return present;
}

/**
 * The entries as one ZIP named `fileName`, streamed: each stored file is opened only when its turn comes and piped
 * through, so one file at a time is read and nothing is held whole, however many there are. Which stored files
 * exist is checked before the first byte (a ZIP cannot take back a promised entry): a missing one is left out and
 * logged.
 */
export async function zipOfStoredFiles(
  storage: StorageService,
  entries: readonly ZipEntry[],
  fileName: string,
  logger: Logger,
): Promise<ZipDownload> {
  const present = await presentKeys(
    storage,
    entries.flatMap((entry) => ('key' in entry ? [entry.key] : [])),
  );
  const zip = new ZipFile();
  let reading: Readable | null = null;
  for (const entry of entries) {
    const options = { mtime: entry.mtime, compress: false };
    if ('content' in entry) {
      zip.addBuffer(entry.content, entry.name, options);
      continue;
    }
    if (!present.has(entry.key)) {
      logger.warn({ key: entry.key, ...entry.about }, 'A stored file is missing; left out of the ZIP');
      continue;
    }
    zip.addReadStreamLazy(entry.name, { ...options, size: entry.size }, (callback) => {
      const stream = storage.openRead(entry.key);
      stream.once('error', (error) => zip.emit('error', error));
      reading = stream;
      callback(null, stream);
    });
  }
  let size: number | null = null;
  // yazl reports the total size to this callback (its type definitions leave the argument out).
  const reportSize = (total: number) => {
    size = total >= 0 ? total : null;
  };
  zip.end({ forceZip64Format: false, comment: '' }, reportSize as unknown as () => void);
  const output = zip.outputStream as unknown as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  return {
    content: output,
    type: 'application/zip',
    disposition: contentDisposition(fileName),
    length: size ?? undefined,
    headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
    abort: () => {
      (reading as Readable | null)?.destroy();
      output.destroy();
    },
  };
}
