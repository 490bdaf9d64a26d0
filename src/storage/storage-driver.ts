import type { Readable } from 'node:stream';

export interface PutOptions {
  /** The write fails, and leaves nothing behind, as soon as the content grows past this many bytes. */
  maxBytes: number;
}

export interface PutResult {
  size: number;
  sha256: string;
}

/** A byte range: `start` inclusive, `end` exclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

/**
 * Where file contents live. Keys are names the server made (see storage-keys.ts); a driver refuses any
 * other. Implementations: the local disk (local-storage.driver.ts) and a bucket of an S3-compatible service
 * (s3-storage.driver.ts), both held to one contract by test/storage-drivers.test.ts.
 */
export interface StorageDriver {
  /** Streams the content in; the object appears under `key` only once it is complete. */
  put(key: string, content: Readable, options: PutOptions): Promise<PutResult>;
  /** The content, or the part of it in `range`, read as the stream is read; a missing key fails the stream. */
  openRead(key: string, range?: ByteRange): Readable;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every complete object, in no particular order. */
  list(): AsyncIterable<StoredObject>;
  /** Removes what interrupted writes left behind before `before`; returns how many. */
  purgeIncomplete(before: Date): Promise<number>;
}

export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');

/** The content grew past `maxBytes`; the driver has already removed what it wrote. */
export class StorageLimitExceededError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Content exceeds ${maxBytes} bytes`);
    this.name = 'StorageLimitExceededError';
  }
}
