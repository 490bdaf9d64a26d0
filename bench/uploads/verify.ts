import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type * as LocalStorage from '../../src/storage/local-storage.driver';
import { fromDist } from '../lib/built-app';
import { recordedFiles } from './data';

async function sha256Of(content: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of content) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Each app upload is recorded as a submitted file of its full size (`sizeOf` its round's slot), and is in storage
 * with the SHA-256 its record (and its receipt) gives, hashed here again from what is on disk.
 */
export async function verifyApp(databaseUrl: string, uploadDir: string, assignmentIds: string[], perAssignment: number, sizeOf: (slot: number) => number): Promise<number> {
  const { LocalStorageDriver } = fromDist<typeof LocalStorage>('storage/local-storage.driver');
  const driver = new LocalStorageDriver(uploadDir);
  let verified = 0;
  for (const [slot, assignmentId] of assignmentIds.entries()) {
    const files = await recordedFiles(databaseUrl, assignmentId);
    if (files.length !== perAssignment) throw new Error(`assignment ${slot}: ${files.length} files recorded, expected ${perAssignment}`);
    for (const file of files) {
      if (file.state !== 'submitted' || file.size !== sizeOf(slot)) throw new Error(`${file.storageKey}: ${file.state}, ${file.size} bytes, expected ${sizeOf(slot)}`);
      if (!(await driver.exists(file.storageKey))) throw new Error(`${file.storageKey} is recorded but not in storage`);
      const onDisk = await sha256Of(driver.openRead(file.storageKey));
      if (onDisk !== file.sha256) throw new Error(`${file.storageKey}: recorded SHA-256 ${file.sha256}, on disk ${onDisk}`);
      verified += 1;
    }
  }
  return verified;
}

/** Each baseline upload is a whole file on disk: `expected` maps a file size to how many files of it. */
export async function verifyBaseline(dir: string, expected: Map<number, number>): Promise<number> {
  const found = new Map<number, number>();
  for (const name of await readdir(dir)) {
    const { size } = await stat(join(dir, name));
    found.set(size, (found.get(size) ?? 0) + 1);
  }
  const describe = (m: Map<number, number>) => JSON.stringify([...m].sort(([a], [b]) => a - b));
  if (describe(found) !== describe(expected)) throw new Error(`${dir} holds ${describe(found)} ([size, files]), expected ${describe(expected)}`);
  return [...found.values()].reduce((sum, n) => sum + n, 0);
}
