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
 * Bytes written after which their flush to disk starts in the background while more arrive. Left to the end, a
 * 20 MiB file's flush made its upload wait for all of it to reach the disk; started early, the disk writes while
 * the network reads, and the last flush has little left to do.
 */
export const EARLY_FLUSH_BYTES = 4 * 1024 * 1024;

/**
 * Flushes a file's data to disk in the background, one flush at a time. A failed flush is kept and thrown by the
 * next `check` or by `settle`: after a write-back error the kernel may report it to one flush call only, so it must
 * not be lost between the background flush and the caller's last one.
 */
class BackgroundFlush {
  private running: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;
  private unflushed = 0;

  constructor(private readonly file: FileHandle) {}

  written(bytes: number): void {
    this.unflushed += bytes;
    if (this.unflushed < EARLY_FLUSH_BYTES || this.running || this.failure) return;
    this.unflushed = 0;
    this.running = this.file.datasync().then(
      () => (this.running = undefined),
      (error: unknown) => {
        this.running = undefined;
        this.failure = { error };
      },
    );
  }

  check(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Waits for a flush still running; throws if any failed. */
  async settle(): Promise<void> {
    await this.running;
    this.check();
  }
}

/**
 * Copies `content` to the end of `file`, each chunk metered (counted, hashed, checked against the limit) as it
 * comes, written a batch at a time with writev (so no chunk is copied into a larger buffer), and flushed to disk
 * in the background as it grows. Returns with nothing still running on the file; the caller makes the last
 * flush. Throws what the stream, the meter, a write or a flush throws; the caller removes the file.
 */
export async function writeMetered(content: Readable, file: FileHandle, meter: ByteMeter): Promise<void> {
  const flusher = new BackgroundFlush(file);
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const write = async () => {
    if (!batch.length) return;
    flusher.check();
    const { bytesWritten } = await file.writev(batch);
    if (bytesWritten !== batchBytes) throw new Error(`Short write: ${bytesWritten} of ${batchBytes} bytes`);
    flusher.written(batchBytes);
    batch = [];
    batchBytes = 0;
  };
  try {
    for await (const chunk of content as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      meter.add(bytes);
      batch.push(bytes);
      batchBytes += bytes.length;
      if (batchBytes >= WRITE_BATCH_BYTES || batch.length >= WRITE_BATCH_CHUNKS) await write();
    }
    await write();
  } catch (error) {
    // The caller closes and removes the file next; no flush may still be running on it.
    await flusher.settle().catch(() => undefined);
    throw error;
  }
  await flusher.settle();
}
