import { createHash } from 'node:crypto';
import { Transform, type TransformCallback, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readMultipart } from './multipart';
import { UploadRequestError } from './storage.errors';
import { isMultipart, type IncomingUpload } from './upload';

/** A file read from a form only to be judged, never stored: its size, SHA-256 and first bytes. */
export interface UploadDigest {
  fields: Record<string, string>;
  file: { fileName: string; size: number; sha256: string; head: Buffer } | null;
}

/** The file grew past the limit while it was read; nothing of it was kept. */
export class DigestLimitExceededError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Upload exceeds ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 16;

/** Hashes what passes through, refusing more than `maxBytes`. */
class Hasher extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new DigestLimitExceededError(this.maxBytes));
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    this.hash.update(chunk);
    done();
  }
}

/**
 * Reads a multipart form with one file in `fileField` and digests the file as it streams in, keeping nothing on
 * disk: for a check of a file someone holds (is this one we issued?). The form's fields come back too.
 */
export async function digestUpload(upload: IncomingUpload, fileField: string, maxBytes: number): Promise<UploadDigest> {
  if (!isMultipart(upload.headers)) throw UploadRequestError.notMultipart();
  const declared = Number(upload.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) {
    upload.stopReading();
    throw new DigestLimitExceededError(maxBytes);
  }
  const fields: Record<string, string> = {};
  let file: UploadDigest['file'] = null;
  try {
    await readMultipart(upload, {
      fields,
      fileField,
      maxFields: 5,
      maxFieldBytes: 4 * 1024,
      onFile: async (stream: Readable, fileName: string) => {
        const hasher = new Hasher(maxBytes);
        await pipeline(stream, hasher, async (source: AsyncIterable<unknown>) => {
          for await (const _ of source) void _;
        });
        if (hasher.size) file = { fileName, size: hasher.size, sha256: hasher.hash.digest('hex'), head: hasher.head };
      },
    });
    return { fields, file };
  } finally {
    upload.fieldsRead(fields);
  }
}
