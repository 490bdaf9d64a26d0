import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ByteMeter } from './byte-meter';

/**
 * Bytes gathered before one write to the file. An upload arrives in 64 KiB chunks, and every write is a round trip
 * to libuv's thread pool (a lock, a thread woken up): one a chunk cost the web process more than the bytes did.
 * Ten uploads at once hold at most this much each.
 */
export const WRITE_BATCH_BYTES = 512 * 1024;
/** No more chunks than one writev call takes (IOV_MAX), however small they come. */
const WRITE_BATCH_CHUNKS = 1024;

/**
 * Copies `content` to the end of `file`, each chunk metered (counted, hashed, checked against the limit) as it
 * comes, written a batch at a time with writev, so no chunk is copied into a larger buffer. Throws what the
 * stream or the meter throws; the caller removes the file.
 */
export async function writeMetered(content: Readable, file: FileHandle, meter: ByteMeter): Promise<void> {
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const { bytesWritten } = await file.writev(batch);
    if (bytesWritten !== batchBytes) throw new Error(`Short write: ${bytesWritten} of ${batchBytes} bytes`);
    batch = [];
    batchBytes = 0;
  };
  for await (const chunk of content as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    meter.add(bytes);
    batch.push(bytes);
    batchBytes += bytes.length;
    if (batchBytes >= WRITE_BATCH_BYTES || batch.length >= WRITE_BATCH_CHUNKS) await flush();
  }
  await flush();
}
