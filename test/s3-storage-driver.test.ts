import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { parseEnv } from '../src/config/env.schema';
import { checkStorage } from '../src/storage/check-storage';
import { S3RequestError } from '../src/storage/s3-client';
import { MIN_PART_SIZE, StoredObjectMismatchError } from '../src/storage/s3-storage.driver';
import { newStorageKey } from '../src/storage/storage-keys';
import { s3Space, type S3Space } from './support/storage-spaces';

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `size` bytes in 64 KiB chunks made only when asked for, counting how many were made. */
function lazily(size: number): { stream: Readable; produced: () => number } {
  let produced = 0;
  const stream = new Readable({
    read() {
      if (produced >= size) return void this.push(null);
      const chunk = Buffer.alloc(Math.min(64 * 1024, size - produced), produced >> 16);
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced };
}

/** What the S3 driver does beyond the contract every driver keeps (test/storage-drivers.test.ts). */
describe('the s3 storage driver and its service', () => {
  let space: S3Space;

  beforeEach(async () => {
    space = await s3Space();
  });
  afterEach(() => space.close());

  it('sends a large file in parts of the part size, holding at most two parts at a time', async () => {
    const driver = space.driver({ partSize: MIN_PART_SIZE });
    const source = lazily(31 * MiB);
    const parts: { number: number; size: number; produced: number }[] = [];
    space.server.onPart = (_key, number, size) => parts.push({ number, size, produced: source.produced() });
    const key = newStorageKey('submission');
    const result = await driver.put(key, source.stream, { maxBytes: 40 * MiB });
    expect(result.size).toBe(31 * MiB);
    expect(parts.map((part) => part.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parts.slice(0, -1).every((part) => part.size === MIN_PART_SIZE)).toBe(true);
    expect(parts[6].size).toBe(MiB);
    // When part n arrives, the driver has read at most the part after it (and a stream buffer more).
    for (const part of parts) expect(part.produced).toBeLessThanOrEqual((part.number + 1) * MIN_PART_SIZE + MiB);
    expect(space.server.names()).toEqual([key]);
    expect(sha256(await buffer(driver.openRead(key)))).toBe(result.sha256);
  });

  it('names the SHA-256 of every body it sends: a body damaged on the way is refused and nothing is kept', async () => {
    const driver = space.driver();
    await driver.put(newStorageKey('material'), Readable.from([Buffer.alloc(11 * MiB, 2)]), { maxBytes: 20 * MiB });
    const writes = space.server.requests.filter((request) => request.method === 'PUT');
    expect(writes).toHaveLength(3);
    expect(writes.every((request) => request.checksum)).toBe(true);
    space.server.requests.length = 0;
    space.server.objects.clear();

    for (const size of [1000, 11 * MiB]) {
      space.server.corruptNextBody();
      const key = newStorageKey('material');
      const error = await driver.put(key, Readable.from([Buffer.alloc(size, 3)]), { maxBytes: 20 * MiB }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(S3RequestError);
      // The signed payload hash and the checksum both catch it; a service checks either first.
      expect(error).toMatchObject({ status: 400, code: expect.stringMatching(/^(BadDigest|XAmzContentSHA256Mismatch)$/) });
      expect(space.server.names()).toEqual([]);
    }
  });

  it('checks what the service keeps against what it sent, and removes an object that does not match', async () => {
    const driver = space.driver();
    space.server.tamperNextObject();
    const key = newStorageKey('material');
    await expect(driver.put(key, Readable.from([Buffer.from('Sveiki, pasaule!')]), { maxBytes: 100 })).rejects.toBeInstanceOf(
      StoredObjectMismatchError,
    );
    expect(space.server.names()).toEqual([]);
  });

  it('refuses to keep files on a service that keeps no checksum of them', async () => {
    const driver = space.driver();
    space.server.keepsChecksums = false;
    for (const size of [10, 6 * MiB]) {
      await expect(driver.put(newStorageKey('material'), Readable.from([Buffer.alloc(size, 1)]), { maxBytes: 10 * MiB })).rejects.toThrow(
        /keeps no SHA-256 checksum/,
      );
    }
    expect(space.server.names()).toEqual([]);
  });

  it('tries a request again when the service is briefly overloaded, and gives up after three tries', async () => {
    const driver = space.driver();
    const key = newStorageKey('material');
    space.server.failNext(2);
    await driver.put(key, Readable.from([Buffer.from('vēlreiz')]), { maxBytes: 100 });
    expect((await buffer(driver.openRead(key))).toString()).toBe('vēlreiz');

    space.server.failNext(2);
    expect((await buffer(driver.openRead(key))).toString()).toBe('vēlreiz');

    space.server.failNext(3);
    await expect(driver.list()[Symbol.asyncIterator]().next()).rejects.toMatchObject({ status: 503, code: 'SlowDown' });
    expect(await driver.exists(key)).toBe(true);
  });

  it('fails a download cut off half-way instead of ending it early', async () => {
    const driver = space.driver();
    const key = newStorageKey('material');
    await driver.put(key, Readable.from([Buffer.alloc(2 * MiB, 9)]), { maxBytes: 10 * MiB });
    space.server.cutNextDownload();
    await expect(buffer(driver.openRead(key))).rejects.toThrow();
  });

  it('lists objects and unfinished uploads page by page', async () => {
    const driver = space.driver();
    space.server.pageSize = 2;
    const keys = Array.from({ length: 5 }, () => newStorageKey('material'));
    for (const key of keys) await driver.put(key, Readable.from(['x']), { maxBytes: 10 });
    for (const key of keys) space.server.leaveUpload(key, 2 * 86_400_000);
    space.server.leaveUpload(keys[0], 2 * 86_400_000);
    const listed: string[] = [];
    for await (const object of driver.list()) listed.push(object.key);
    expect(listed.sort()).toEqual([...keys].sort());
    expect(await driver.purgeIncomplete(new Date(Date.now() - 86_400_000))).toBe(6);
    expect(space.server.uploads.size).toBe(0);
  });

  it('is refused by the service when its secret is wrong', async () => {
    const driver = space.driver({ secretAccessKey: 'not-the-secret' });
    await expect(driver.put(newStorageKey('material'), Readable.from(['x']), { maxBytes: 10 })).rejects.toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(space.server.names()).toEqual([]);
  });

  describe('before a process starts', () => {
    const envOf = (overrides: Record<string, string> = {}) => parseEnv({ ...space.env, ...overrides });

    it('writes, checks and removes a small file in the bucket, and leaves nothing', async () => {
      await checkStorage(envOf());
      expect(space.server.requests.map((request) => request.method)).toEqual(['PUT', 'HEAD', 'DELETE']);
      expect(space.server.names()).toEqual([]);
    });

    it('says in one line what to fix when the bucket cannot keep files', async () => {
      const refusals: [Record<string, string>, RegExp][] = [
        [
          { S3_BUCKET: 'nav-tada' },
          /^The S3 bucket nav-tada at http:\/\/127\.0\.0\.1:\d+\/nav-tada cannot keep files \(.*NoSuchBucket.*\)\. Create the bucket, or set S3_BUCKET\.$/,
        ],
        [{ S3_SECRET_ACCESS_KEY: 'wrong' }, /SignatureDoesNotMatch.*Check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY\.$/],
        [{ S3_REGION: 'us-west-2' }, /AuthorizationHeaderMalformed.*Check S3_REGION\.$/],
        [{ S3_ENDPOINT: 'http://127.0.0.1:1' }, /ECONNREFUSED.*Check S3_ENDPOINT, and that the service is running\.$/],
      ];
      for (const [overrides, message] of refusals) await expect(checkStorage(envOf(overrides))).rejects.toThrow(message);
      space.server.keepsChecksums = false;
      await expect(checkStorage(envOf())).rejects.toThrow(/keeps no SHA-256 checksum.*must keep SHA-256 checksums/);
      expect(space.server.names()).toEqual([]);
    });

    it('asks nothing of S3 when files are kept locally', async () => {
      await checkStorage(envOf({ STORAGE_DRIVER: 'local' }));
      expect(space.server.requests).toEqual([]);
    });
  });
});
