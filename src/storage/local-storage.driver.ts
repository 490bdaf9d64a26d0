import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { writeMetered } from './batched-write';
import { ByteMeter } from './byte-meter';
import type { ByteRange, PutOptions, PutResult, StorageDriver, StoredObject } from './storage-driver';
import { isStorageKey, isStoragePrefix, parseStorageKey } from './storage-keys';

const SHARD = /^[0-9a-f]{2}$/;
const TEMPORARY = /^\..+\.tmp$/;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

async function entriesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/**
 * Files under one root directory, as `<root>/<prefix>/<2 hex>/<key>`. A write goes to a hidden temporary
 * name in the target's directory, is flushed to disk, then renamed, so a reader never sees half a file.
 */
export class LocalStorageDriver implements StorageDriver {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!isStorageKey(key)) throw new Error('Invalid storage key');
    const { prefix, id } = parseStorageKey(key);
    const path = join(this.root, prefix, id.slice(0, 2), key);
    if (!path.startsWith(this.root + sep)) throw new Error('Invalid storage key');
    return path;
  }

  async put(key: string, content: Readable, options: PutOptions): Promise<PutResult> {
    const target = this.pathOf(key);
    const dir = join(target, '..');
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    const meter = new ByteMeter(options.maxBytes);
    let file: FileHandle | undefined;
    try {
      // `wx`: a fresh file or nothing; synced: on disk before it gets its final name.
      file = await open(temporary, 'wx', 0o640);
      await writeMetered(content, file, meter);
      await file.sync();
      await file.close();
      file = undefined;
      await rename(temporary, target);
    } catch (error) {
      content.destroy();
      await file?.close().catch(() => undefined);
      await rm(temporary, { force: true });
      throw error;
    }
    return { size: meter.bytes, sha256: meter.digest() };
  }

  openRead(key: string, range?: ByteRange): Readable {
    const path = this.pathOf(key);
    if (!range) return createReadStream(path);
    if (range.end <= range.start) throw new Error('Empty byte range');
    return createReadStream(path, { start: range.start, end: range.end - 1 });
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<StoredObject> {
    for await (const { name, path } of this.files()) {
      if (!isStorageKey(name)) continue;
      const info = await stat(path).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
      if (info?.isFile()) yield { key: name, modifiedAt: info.mtime };
    }
  }

  async purgeIncomplete(before: Date): Promise<number> {
    let removed = 0;
    for await (const { name, path } of this.files()) {
      if (!TEMPORARY.test(name)) continue;
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && info.mtime < before) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  /** Every file two levels down (prefix, shard); anything else under the root is not ours and is left alone. */
  private async *files(): AsyncIterable<{ name: string; path: string }> {
    for (const prefix of await entriesOf(this.root)) {
      if (!isStoragePrefix(prefix)) continue;
      for (const shard of await entriesOf(join(this.root, prefix))) {
        if (!SHARD.test(shard)) continue;
        const dir = join(this.root, prefix, shard);
        for (const name of await entriesOf(dir)) yield { name, path: join(dir, name) };
      }
    }
  }
}
