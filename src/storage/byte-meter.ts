import { createHash } from 'node:crypto';
import { StorageLimitExceededError } from './storage-driver';

/** Counts and hashes bytes as they are written, and refuses them once there are more than `maxBytes`. */
export class ByteMeter {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** Takes the next chunk into the count and the hash; past the limit it throws instead, hashing nothing more. */
  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) throw new StorageLimitExceededError(this.maxBytes);
    this.hash.update(chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
