import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { StorageLimitExceededError, type StorageDriver } from '../src/storage/storage-driver';
import { newStorageKey } from '../src/storage/storage-keys';
import { openSpace, STORAGE_KINDS, type StorageSpace } from './support/storage-spaces';

const MiB = 1024 * 1024;
const DAY_MS = 86_400_000;
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Bytes that differ from position to position, so a part out of place or twice would show. */
function patterned(size: number, seed = 7): Buffer {
  const content = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) content[i] = (i * seed + (i >> 12)) & 0xff;
  return content;
}

/** The content in chunks of growing and shrinking sizes, as a network delivers them. */
function unevenly(content: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0, size = 1; at < content.length; at += size, size = size >= 200_000 ? 1 : size * 3)
    chunks.push(content.subarray(at, at + size));
  return Readable.from(chunks);
}

/** Produces 64 KiB chunks for ever, counting them. */
function endless(): { stream: Readable; produced: () => number } {
  let produced = 0;
  const stream = new Readable({
    read() {
      produced += 64 * 1024;
      this.push(Buffer.alloc(64 * 1024, 1));
    },
  });
  return { stream, produced: () => produced };
}

/** `bytes` of content, then the connection fails. */
function failingAfter(bytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return this.destroy(new Error('connection reset'));
      sent += 256 * 1024;
      this.push(patterned(256 * 1024, sent));
    },
  });
}

async function listed(driver: StorageDriver): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of driver.list()) keys.push(object.key);
  return keys.sort();
}

/** What every storage driver promises (storage-driver.ts), run against each of them. */
describe.each(STORAGE_KINDS)('the %s storage driver', (kind) => {
  let space: StorageSpace;
  let driver: StorageDriver;

  beforeEach(async () => {
    space = await openSpace(kind);
    driver = space.driver();
  });
  afterEach(() => space.close());

  it('stores a stream, reports its size and hash, and reads it back whole or in part', async () => {
    const key = newStorageKey('material');
    const result = await driver.put(key, Readable.from([Buffer.from('Sveiki, '), Buffer.from('pasaule!')]), { maxBytes: 100 });
    expect(result).toEqual({ size: 16, sha256: sha256('Sveiki, pasaule!') });
    expect(await driver.exists(key)).toBe(true);
    expect(await text(driver.openRead(key))).toBe('Sveiki, pasaule!');
    expect(await text(driver.openRead(key, { start: 8, end: 15 }))).toBe('pasaule');
    expect(space.stored()).toEqual([key]);
  });

  it('stores an empty file', async () => {
    const key = newStorageKey('material');
    expect(await driver.put(key, Readable.from([]), { maxBytes: 10 })).toEqual({ size: 0, sha256: sha256('') });
    expect(await driver.exists(key)).toBe(true);
    expect((await buffer(driver.openRead(key))).length).toBe(0);
  });

  it('writes content larger than a write batch, in chunks of any size, whole and in order', async () => {
    const content = patterned(3 * MiB + 17);
    const key = newStorageKey('material');
    expect(await driver.put(key, unevenly(content), { maxBytes: content.length })).toEqual({
      size: content.length,
      sha256: sha256(content),
    });
    expect(Buffer.compare(await buffer(driver.openRead(key)), content)).toBe(0);
  });

  it('writes content of several S3 parts, whole and in order, and reads any range of it back', async () => {
    const content = patterned(11 * MiB + 5, 13);
    const key = newStorageKey('submission');
    expect(await driver.put(key, unevenly(content), { maxBytes: 12 * MiB })).toEqual({ size: content.length, sha256: sha256(content) });
    expect(sha256(await buffer(driver.openRead(key)))).toBe(sha256(content));
    const across = { start: 5 * MiB - 3, end: 10 * MiB + 4 };
    expect(Buffer.compare(await buffer(driver.openRead(key, across)), content.subarray(across.start, across.end))).toBe(0);
    expect(
      Buffer.compare(await buffer(driver.openRead(key, { start: content.length - 5, end: content.length })), content.subarray(-5)),
    ).toBe(0);
    expect(space.stored()).toEqual([key]);
  });

  it('stores files side by side, each whole and with its own hash', async () => {
    const contents = Array.from({ length: 6 }, (_, i) => Buffer.alloc(MiB * (i + 1) + i, i + 1));
    const keys = contents.map(() => newStorageKey('submission'));
    const inChunks = (content: Buffer) =>
      Readable.from(Array.from({ length: Math.ceil(content.length / 65_536) }, (_, j) => content.subarray(j * 65_536, (j + 1) * 65_536)));
    const results = await Promise.all(keys.map((key, i) => driver.put(key, inChunks(contents[i]), { maxBytes: 10 * MiB })));
    expect(results).toEqual(contents.map((content) => ({ size: content.length, sha256: sha256(content) })));
    for (const [i, key] of keys.entries()) expect(sha256(await buffer(driver.openRead(key)))).toBe(sha256(contents[i]));
  });

  it('aborts as soon as the limit is passed and leaves nothing behind', async () => {
    const source = endless();
    const key = newStorageKey('material');
    await expect(driver.put(key, source.stream, { maxBytes: MiB })).rejects.toBeInstanceOf(StorageLimitExceededError);
    expect(source.produced()).toBeLessThan(2 * MiB);
    expect(await driver.exists(key)).toBe(false);
    expect(space.stored()).toEqual([]);
  });

  it('aborts past the limit after several parts were written, and leaves nothing behind', async () => {
    const source = endless();
    const key = newStorageKey('material');
    await expect(driver.put(key, source.stream, { maxBytes: 12 * MiB })).rejects.toBeInstanceOf(StorageLimitExceededError);
    expect(source.produced()).toBeLessThan(13 * MiB);
    expect(await driver.exists(key)).toBe(false);
    expect(space.stored()).toEqual([]);
  });

  it('cleans up after a failing source, at the start or after several parts', async () => {
    for (const bytes of [0, 11 * MiB]) {
      await expect(driver.put(newStorageKey('material'), failingAfter(bytes), { maxBytes: 100 * MiB })).rejects.toThrow('connection reset');
      expect(space.stored()).toEqual([]);
    }
  });

  it('refuses any key it did not make, so no path can be reached through one', async () => {
    for (const key of ['../../etc/passwd', 'material-../../x', 'material-ABC', '/tmp/x', 'material-0123456789abcdef0123456789abcdef/..']) {
      await expect(driver.put(key, Readable.from(['x']), { maxBytes: 10 })).rejects.toThrow('Invalid storage key');
      expect(() => driver.openRead(key)).toThrow('Invalid storage key');
      await expect(driver.delete(key)).rejects.toThrow('Invalid storage key');
    }
  });

  it('fails the read of a file that is not there, and says it does not exist', async () => {
    const key = newStorageKey('material');
    expect(await driver.exists(key)).toBe(false);
    await expect(buffer(driver.openRead(key))).rejects.toThrow();
  });

  it('deletes idempotently, lists complete files only and purges what old interrupted writes left', async () => {
    const keep = newStorageKey('material');
    const gone = newStorageKey('logo');
    await driver.put(keep, Readable.from(['a']), { maxBytes: 10 });
    await driver.put(gone, Readable.from(['b']), { maxBytes: 10 });
    await driver.delete(gone);
    await driver.delete(gone);
    space.leaveIncomplete(keep, 2 * DAY_MS);
    const fresh = space.leaveIncomplete(newStorageKey('material'), 0);
    space.putForeign('README.txt');

    expect(await listed(driver)).toEqual([keep]);
    expect(await driver.purgeIncomplete(new Date(Date.now() - DAY_MS))).toBe(1);
    expect(space.stored().sort()).toEqual([fresh, 'README.txt', keep].sort());
    expect(await driver.purgeIncomplete(new Date(Date.now() - DAY_MS))).toBe(0);
  });

  it('lists every file when there are many, each with the time it was written', async () => {
    const keys = Array.from({ length: 7 }, () => newStorageKey('material'));
    for (const key of keys) await driver.put(key, Readable.from([key]), { maxBytes: 100 });
    space.age(keys[0], 3 * DAY_MS);
    const objects: { key: string; modifiedAt: Date }[] = [];
    for await (const object of driver.list()) objects.push(object);
    expect(objects.map((object) => object.key).sort()).toEqual([...keys].sort());
    const oldest = objects.find((object) => object.key === keys[0])!;
    expect(oldest.modifiedAt.getTime()).toBeLessThan(Date.now() - 2 * DAY_MS);
    for (const object of objects.filter((o) => o.key !== keys[0])) expect(object.modifiedAt.getTime()).toBeGreaterThan(Date.now() - DAY_MS);
  });
});
