import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalStorageDriver } from './local-storage.driver';
import { StorageLimitExceededError } from './storage-driver';
import { newStorageKey } from './storage-keys';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('local storage driver', () => {
  let root: string;
  let driver: LocalStorageDriver;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kursors-storage-'));
    driver = new LocalStorageDriver(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores a stream, reports its size and hash, and reads it back whole or in part', async () => {
    const key = newStorageKey('material');
    const result = await driver.put(key, Readable.from([Buffer.from('Sveiki, '), Buffer.from('pasaule!')]), { maxBytes: 100 });
    expect(result).toEqual({ size: 16, sha256: createHash('sha256').update('Sveiki, pasaule!').digest('hex') });
    expect(await driver.exists(key)).toBe(true);
    expect(await text(driver.openRead(key))).toBe('Sveiki, pasaule!');
    expect(await text(driver.openRead(key, { start: 8, end: 15 }))).toBe('pasaule');
    expect(filesUnder(root)).toEqual([key]);
  });

  it('writes content larger than a write batch, in chunks of any size, whole and in order', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < content.length; i += 1) content[i] = (i * 7 + (i >> 12)) & 0xff;
    const chunks: Buffer[] = [];
    for (let at = 0, size = 1; at < content.length; at += size, size = size >= 200_000 ? 1 : size * 3)
      chunks.push(content.subarray(at, at + size));
    const key = newStorageKey('material');
    const result = await driver.put(key, Readable.from(chunks), { maxBytes: content.length });
    expect(result).toEqual({ size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    expect(Buffer.compare(readFileSync(join(root, 'material', key.slice(9, 11), key)), content)).toBe(0);
  });

  it('stores files side by side, each whole and with its own hash', async () => {
    const contents = Array.from({ length: 6 }, (_, i) => Buffer.alloc(1024 * 1024 * (i + 1) + i, i + 1));
    const keys = contents.map(() => newStorageKey('submission'));
    const inChunks = (content: Buffer) =>
      Readable.from(Array.from({ length: Math.ceil(content.length / 65_536) }, (_, j) => content.subarray(j * 65_536, (j + 1) * 65_536)));
    const results = await Promise.all(keys.map((key, i) => driver.put(key, inChunks(contents[i]), { maxBytes: 10 * 1024 * 1024 })));
    expect(results).toEqual(
      contents.map((content) => ({ size: content.length, sha256: createHash('sha256').update(content).digest('hex') })),
    );
    for (const [i, key] of keys.entries())
      expect(Buffer.compare(readFileSync(join(root, 'submission', key.slice(11, 13), key)), contents[i])).toBe(0);
  });

  it('aborts as soon as the limit is passed and leaves nothing behind', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 1));
      },
    });
    const key = newStorageKey('material');
    await expect(driver.put(key, endless, { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(StorageLimitExceededError);
    expect(produced).toBeLessThan(2 * 1024 * 1024);
    expect(await driver.exists(key)).toBe(false);
    expect(filesUnder(root)).toEqual([]);
  });

  it('cleans up after a failing source', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(driver.put(newStorageKey('material'), failing, { maxBytes: 100 })).rejects.toThrow('connection reset');
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses any key it did not make, so no path can be reached through one', async () => {
    for (const key of ['../../etc/passwd', 'material-../../x', 'material-ABC', '/tmp/x', 'material-0123456789abcdef0123456789abcdef/..']) {
      await expect(driver.put(key, Readable.from(['x']), { maxBytes: 10 })).rejects.toThrow('Invalid storage key');
      expect(() => driver.openRead(key)).toThrow('Invalid storage key');
      await expect(driver.delete(key)).rejects.toThrow('Invalid storage key');
    }
  });

  it('deletes idempotently, lists complete files and purges old temporaries', async () => {
    const keep = newStorageKey('material');
    const gone = newStorageKey('logo');
    await driver.put(keep, Readable.from(['a']), { maxBytes: 10 });
    await driver.put(gone, Readable.from(['b']), { maxBytes: 10 });
    await driver.delete(gone);
    await driver.delete(gone);
    const shard = join(root, 'material', keep.slice(9, 11));
    const stale = join(shard, `.${keep}.abc.tmp`);
    const fresh = join(shard, `.${keep}.def.tmp`);
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'half');
    utimesSync(stale, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    writeFileSync(join(root, 'README.txt'), 'not ours');

    const listed: string[] = [];
    for await (const object of driver.list()) listed.push(object.key);
    expect(listed).toEqual([keep]);
    expect(await driver.purgeIncomplete(new Date(Date.now() - 86_400_000))).toBe(1);
    expect(filesUnder(root).sort()).toEqual([`.${keep}.def.tmp`, 'README.txt', keep].sort());
  });
});
