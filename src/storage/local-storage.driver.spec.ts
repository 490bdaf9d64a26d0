import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalStorageDriver } from './local-storage.driver';
import { newStorageKey } from './storage-keys';

/**
 * How the local driver lays files out on disk. What every driver promises is checked for each of them by
 * test/storage-drivers.test.ts.
 */
describe('local storage driver on disk', () => {
  let root: string;
  let driver: LocalStorageDriver;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kursors-storage-'));
    driver = new LocalStorageDriver(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps a file as <root>/<prefix>/<first two hex digits>/<key>', async () => {
    const key = newStorageKey('material');
    await driver.put(key, Readable.from([Buffer.from('Sveiki!')]), { maxBytes: 100 });
    expect(readFileSync(join(root, 'material', key.slice(9, 11), key), 'utf8')).toBe('Sveiki!');
  });

  it('lists only files at that depth whose names are keys, leaving the rest of the directory alone', async () => {
    const key = newStorageKey('logo');
    await driver.put(key, Readable.from(['a']), { maxBytes: 10 });
    mkdirSync(join(root, 'logo', 'zz'), { recursive: true });
    writeFileSync(join(root, 'logo', 'zz', newStorageKey('logo')), 'not in its shard');
    writeFileSync(join(root, 'logo', key.slice(5, 7), 'notes.txt'), 'not a key');
    mkdirSync(join(root, 'Backups'));
    const keys: string[] = [];
    for await (const object of driver.list()) keys.push(object.key);
    expect(keys).toEqual([key]);
  });
});
