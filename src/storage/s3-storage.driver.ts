import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { ByteMeter } from './byte-meter';
import { errorOf, escapeXml, S3Client, S3RequestError, xml } from './s3-client';
import type { ByteRange, PutOptions, PutResult, StorageDriver, StoredObject } from './storage-driver';
import { isStorageKey } from './storage-keys';

const MiB = 1024 * 1024;
/** S3's smallest part (but the last) of a multipart upload. */
export const MIN_PART_SIZE = 5 * MiB;
export const DEFAULT_PART_SIZE = 8 * MiB;
/** Chunks smaller than this are copied together into chunks of about JOINED_CHUNK bytes. */
const SMALL_CHUNK = 4 * 1024;
const JOINED_CHUNK = 64 * 1024;
/** How much of a download is held for a slow reader before the answer is paused. */
const READ_BUFFER_BYTES = 256 * 1024;
/** S3's most parts in one upload. */
const MAX_PARTS = 10_000;

export interface S3DriverOptions {
  /** Bytes per part of a multipart upload, and the largest file sent in one request; at least 5 MiB. */
  partSize?: number;
}

/** What the service keeps under a key is not what was sent: the write is undone. */
export class StoredObjectMismatchError extends Error {
  constructor(key: string, detail: string) {
    super(`Stored object ${key} does not match what was sent: ${detail}`);
    this.name = 'StoredObjectMismatchError';
  }
}

function checkedKey(key: string): string {
  if (!isStorageKey(key)) throw new Error('Invalid storage key');
  return key;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

/** A part of a file: the chunks it arrived in, kept as they came (not copied together), and its SHA-256. */
interface Part {
  chunks: Buffer[];
  digest: Buffer;
}

const EMPTY_PART: Part = { chunks: [], digest: sha256(Buffer.alloc(0)) };

/**
 * The content in parts of `size` bytes (the last may be smaller): each chunk is counted and hashed into the
 * file's SHA-256 and its part's as it arrives, while it is fresh in the cache; a chunk across a part's end is
 * split without copying.
 */
async function* partsOf(content: Readable, size: number, meter: ByteMeter): AsyncGenerator<Part> {
  let chunks: Buffer[] = [];
  let bytes = 0;
  let hash = createHash('sha256');
  // Small chunks (a slow sender's) are copied together, so a part is never millions of tiny buffers.
  let small: Buffer[] = [];
  let smallBytes = 0;
  const joinSmall = () => {
    if (!smallBytes) return;
    chunks.push(Buffer.concat(small, smallBytes));
    small = [];
    smallBytes = 0;
  };
  const take = (piece: Buffer) => {
    hash.update(piece);
    bytes += piece.length;
    if (piece.length >= SMALL_CHUNK) {
      joinSmall();
      chunks.push(piece);
      return;
    }
    small.push(piece);
    smallBytes += piece.length;
    if (smallBytes >= JOINED_CHUNK) joinSmall();
  };
  const cut = (): Part => {
    joinSmall();
    const part = { chunks, digest: hash.digest() };
    chunks = [];
    bytes = 0;
    hash = createHash('sha256');
    return part;
  };
  for await (const chunk of content) {
    let rest = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    meter.add(rest);
    while (bytes + rest.length >= size) {
      const room = size - bytes;
      take(rest.subarray(0, room));
      rest = rest.subarray(room);
      yield cut();
    }
    if (rest.length) take(rest);
  }
  if (bytes) yield cut();
}

interface ListBucketResult {
  Contents?: { Key: string; LastModified: string }[];
  IsTruncated?: string;
  NextContinuationToken?: string;
}

interface ListMultipartUploadsResult {
  Upload?: { Key: string; UploadId: string; Initiated: string }[];
  IsTruncated?: string;
  NextKeyMarker?: string;
  NextUploadIdMarker?: string;
}

/**
 * Files as objects of one bucket of an S3-compatible service, named by their key. A file up to one part is
 * sent in one PUT; a larger one in a multipart upload, part by part, so at most two parts are in memory
 * whatever its size. Every request carries the SHA-256 of its body (`x-amz-checksum-sha256`), which the
 * service checks before it keeps anything; once written, the checksum and size the service reports for the
 * object are compared with what was sent, and a mismatch removes the object and fails the write.
 */
export class S3StorageDriver implements StorageDriver {
  private readonly partSize: number;

  constructor(
    private readonly client: S3Client,
    options: S3DriverOptions = {},
  ) {
    this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
    if (this.partSize < MIN_PART_SIZE) throw new Error(`An S3 part must be at least ${MIN_PART_SIZE} bytes`);
  }

  async put(key: string, content: Readable, options: PutOptions): Promise<PutResult> {
    checkedKey(key);
    const meter = new ByteMeter(options.maxBytes);
    const parts = partsOf(content, this.partSize, meter);
    let uploadId: string | undefined;
    let completing = false;
    let inFlight: Promise<unknown> = Promise.resolve();
    try {
      const first = await parts.next();
      const second = first.done ? first : await parts.next();
      let expected: string;
      if (second.done) {
        completing = true;
        expected = await this.putWhole(key, first.done ? EMPTY_PART : first.value);
      } else {
        uploadId = await this.createUpload(key);
        const sent: { etag: string; digest: Buffer }[] = [];
        const send = (part: Part) => {
          const number = sent.length + 1;
          if (number > MAX_PARTS) throw new Error(`An S3 upload takes at most ${MAX_PARTS} parts`);
          sent.push({ etag: '', digest: part.digest });
          const upload = this.uploadPart(key, uploadId!, number, part).then((etag) => (sent[number - 1].etag = etag));
          upload.catch(() => undefined);
          return upload;
        };
        // One part on the wire while the next one is read: two parts in memory at most.
        inFlight = send(first.value);
        for (let next: IteratorResult<Part> = second; !next.done; next = await parts.next()) {
          const part = next.value;
          await inFlight;
          inFlight = send(part);
        }
        await inFlight;
        completing = true;
        expected = await this.completeUpload(key, uploadId, sent);
      }
      await this.checkStored(key, meter.bytes, expected);
      return { size: meter.bytes, sha256: meter.digest() };
    } catch (error) {
      content.destroy();
      await parts.return(undefined).catch(() => undefined);
      await inFlight.catch(() => undefined);
      if (uploadId && !completing) await this.abortUpload(key, uploadId).catch(() => undefined);
      if (completing) await this.delete(key).catch(() => undefined);
      throw error;
    }
  }

  /** One PUT; returns the checksum the service should keep. */
  private async putWhole(key: string, part: Part): Promise<string> {
    const checksum = part.digest.toString('base64');
    await this.client.request({
      method: 'PUT',
      key,
      body: part.chunks,
      bodySha256: part.digest,
      headers: { 'content-type': 'application/octet-stream', 'x-amz-checksum-sha256': checksum },
    });
    return checksum;
  }

  private async createUpload(key: string): Promise<string> {
    const response = await this.client.request({
      method: 'POST',
      key,
      query: { uploads: '' },
      headers: { 'content-type': 'application/octet-stream', 'x-amz-checksum-algorithm': 'SHA256' },
    });
    const result = xml.parse(response.body.toString('utf8')) as { InitiateMultipartUploadResult?: { UploadId?: string } };
    const uploadId = result.InitiateMultipartUploadResult?.UploadId;
    if (!uploadId) throw new Error('The S3 service started an upload without naming it');
    return uploadId;
  }

  private async uploadPart(key: string, uploadId: string, number: number, part: Part): Promise<string> {
    const response = await this.client.request({
      method: 'PUT',
      key,
      query: { partNumber: String(number), uploadId },
      body: part.chunks,
      bodySha256: part.digest,
      headers: { 'x-amz-checksum-sha256': part.digest.toString('base64') },
    });
    const etag = response.headers.etag;
    if (!etag) throw new Error(`The S3 service took part ${number} without an ETag`);
    return etag;
  }

  /** Joins the parts; returns the checksum the service should keep: the SHA-256 of the parts' SHA-256s, and their count. */
  private async completeUpload(key: string, uploadId: string, parts: { etag: string; digest: Buffer }[]): Promise<string> {
    const list = parts
      .map(
        ({ etag, digest }, i) =>
          `<Part><PartNumber>${i + 1}</PartNumber><ETag>${escapeXml(etag)}</ETag><ChecksumSHA256>${digest.toString('base64')}</ChecksumSHA256></Part>`,
      )
      .join('');
    const body = Buffer.from(`<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${list}</CompleteMultipartUpload>`);
    const response = await this.client.request({
      method: 'POST',
      key,
      query: { uploadId },
      body,
      headers: { 'content-type': 'application/xml' },
    });
    // S3 may answer 200 and report a failure in the body.
    if (/<Error>/.test(response.body.toString('utf8'))) throw errorOf(500, response.body);
    return `${sha256(Buffer.concat(parts.map((part) => part.digest))).toString('base64')}-${parts.length}`;
  }

  private async abortUpload(key: string, uploadId: string): Promise<void> {
    try {
      await this.client.request({ method: 'DELETE', key, query: { uploadId } });
    } catch (error) {
      if (!(error instanceof S3RequestError && error.status === 404)) throw error;
    }
  }

  /** Compares the size and checksum the service keeps for `key` with what was sent. */
  private async checkStored(key: string, size: number, checksum: string): Promise<void> {
    const head = await this.client.request({ method: 'HEAD', key, headers: { 'x-amz-checksum-mode': 'ENABLED' } });
    const storedSize = Number(head.headers['content-length']);
    if (storedSize !== size) throw new StoredObjectMismatchError(key, `${storedSize} bytes stored, ${size} sent`);
    const stored = head.headers['x-amz-checksum-sha256'];
    if (typeof stored !== 'string') throw new StoredObjectMismatchError(key, 'the service keeps no SHA-256 checksum for it');
    // A multipart object's checksum ends in `-<parts>`; some services leave that off.
    if (stored !== checksum && stored !== checksum.replace(/-\d+$/, '')) {
      throw new StoredObjectMismatchError(key, `checksum ${stored} stored, ${checksum} sent`);
    }
  }

  openRead(key: string, range?: ByteRange): Readable {
    checkedKey(key);
    if (range && range.end <= range.start) throw new Error('Empty byte range');
    return new S3ObjectStream(this.client, key, range);
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.request({ method: 'DELETE', key: checkedKey(key) });
    } catch (error) {
      if (!(error instanceof S3RequestError && error.status === 404)) throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.request({ method: 'HEAD', key: checkedKey(key) });
      return true;
    } catch (error) {
      if (error instanceof S3RequestError && error.status === 404) return false;
      throw error;
    }
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const query: Record<string, string> = { 'list-type': '2', 'max-keys': '1000' };
      if (token) query['continuation-token'] = token;
      const response = await this.client.request({ method: 'GET', query });
      const result = (xml.parse(response.body.toString('utf8')) as { ListBucketResult?: ListBucketResult }).ListBucketResult ?? {};
      for (const object of result.Contents ?? []) {
        if (isStorageKey(object.Key)) yield { key: object.Key, modifiedAt: new Date(object.LastModified) };
      }
      token = result.IsTruncated === 'true' ? result.NextContinuationToken : undefined;
    } while (token);
  }

  /** Aborts the multipart uploads of our keys begun before `before`: what a write cut off by a crash leaves. */
  async purgeIncomplete(before: Date): Promise<number> {
    let removed = 0;
    let markers: Record<string, string> = {};
    for (;;) {
      const response = await this.client.request({ method: 'GET', query: { uploads: '', ...markers } });
      const result =
        (xml.parse(response.body.toString('utf8')) as { ListMultipartUploadsResult?: ListMultipartUploadsResult })
          .ListMultipartUploadsResult ?? {};
      for (const upload of result.Upload ?? []) {
        if (!isStorageKey(upload.Key) || !(new Date(upload.Initiated) < before)) continue;
        await this.abortUpload(upload.Key, upload.UploadId);
        removed += 1;
      }
      if (result.IsTruncated !== 'true' || !result.NextKeyMarker) return removed;
      markers = { 'key-marker': result.NextKeyMarker, 'upload-id-marker': result.NextUploadIdMarker ?? '' };
    }
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}

/**
 * An object's content, fetched once it is first read, and passed on at the reader's pace: the answer is paused
 * while the reader's buffer is full. A missing object or a refused request fails the stream.
 */
class S3ObjectStream extends Readable {
  private response?: IncomingMessage;
  private started = false;

  constructor(
    private readonly client: S3Client,
    private readonly key: string,
    private readonly range?: ByteRange,
  ) {
    // Room for a few of the answer's chunks, so the answer is not paused and resumed at every one.
    super({ highWaterMark: READ_BUFFER_BYTES });
  }

  override _read(): void {
    if (this.response) {
      this.response.resume();
      return;
    }
    if (this.started) return;
    this.started = true;
    const headers: Record<string, string> = this.range ? { range: `bytes=${this.range.start}-${this.range.end - 1}` } : {};
    this.client.openStream({ method: 'GET', key: this.key, headers }).then(
      (response) => this.pass(response),
      (error: Error) => this.destroy(error),
    );
  }

  private pass(response: IncomingMessage): void {
    if (this.destroyed) {
      response.destroy();
      return;
    }
    if (this.range && response.statusCode !== 206) {
      response.destroy();
      this.destroy(new Error('The S3 service did not answer with the byte range asked for'));
      return;
    }
    this.response = response;
    response.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) response.pause();
    });
    response.on('end', () => this.push(null));
    response.on('error', (error) => this.destroy(error));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.response?.destroy();
    callback(error);
  }
}
