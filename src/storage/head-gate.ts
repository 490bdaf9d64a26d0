import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from './file-sniffer';

/**
 * Holds back the first bytes of a stream until it has enough to judge them, then lets everything through,
 * or fails the stream (and so the write behind it) when `check` throws. An empty stream is judged too.
 */
export class HeadGate extends Transform {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private open = false;

  constructor(private readonly check: (head: Buffer) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.open) return callback(null, chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < SNIFF_BYTES) return callback();
    this.release(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.open) return callback();
    this.release(callback);
  }

  private release(callback: TransformCallback): void {
    const all = Buffer.concat(this.held);
    this.held = [];
    try {
      this.check(all.subarray(0, SNIFF_BYTES));
    } catch (error) {
      return callback(error as Error);
    }
    this.open = true;
    callback(null, all.length ? all : undefined);
  }
}
