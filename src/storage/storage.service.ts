import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { afterCommit, afterRollback } from '../database/unit-of-work';
import { sanitizeFileName } from './file-names';
import { checkHead, checkZipKind, expectedKind, type FilePolicy } from './file-policy';
import { classifyZip, FILE_KINDS, type FileKind } from './file-sniffer';
import { HeadGate } from './head-gate';
import { readMultipart } from './multipart';
import { STORAGE_DRIVER, StorageLimitExceededError, type ByteRange, type StorageDriver } from './storage-driver';
import { FileRejectedError, UploadRequestError } from './storage.errors';
import { newStorageKey } from './storage-keys';
import { isMultipart, type IncomingUpload } from './upload';
import { DEFAULT_ZIP_LIMITS, inspectZip, UnsafeZipError } from './zip-inspector';

/** A file written to storage whose content was checked; kept only if a record comes to hold its key. */
export interface StoredFile {
  key: string;
  /** The uploader's name for it, sanitised. */
  fileName: string;
  kind: FileKind;
  mimeType: string;
  size: number;
  sha256: string;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: StoredFile | undefined;
}

export interface ReceivedUploads {
  fields: Record<string, string>;
  /** In the order they came; each must be kept by a record or discarded. */
  files: StoredFile[];
}

/** Room for the text fields and part headers of a form beside its file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

@Injectable()
export class StorageService {
  private readonly logger = new Logger(StorageService.name);

  constructor(@Inject(STORAGE_DRIVER) private readonly driver: StorageDriver) {}

  /**
   * Writes one file under a new key, checking its content against its name and the policy on the way:
   * refused files leave nothing behind. The caller must then `keepIf` it.
   */
  async store(content: Readable, originalName: string, policy: FilePolicy): Promise<StoredFile> {
    const fileName = sanitizeFileName(originalName);
    let expected: FileKind;
    try {
      expected = expectedKind(fileName, policy.allowed);
    } catch (error) {
      content.destroy();
      throw error;
    }
    let head: ReturnType<typeof checkHead> | undefined;
    const gate = new HeadGate((bytes) => {
      if (!bytes.length) throw FileRejectedError.empty(fileName);
      head = checkHead(fileName, bytes, expected, policy.allowed);
    });
    const key = newStorageKey(policy.keyPrefix);
    let written: { size: number; sha256: string };
    try {
      written = await this.driver.put(
        key,
        pipeline(content, gate, () => undefined),
        { maxBytes: policy.maxBytes },
      );
    } catch (error) {
      if (error instanceof StorageLimitExceededError) throw FileRejectedError.tooLarge(fileName, policy.maxBytes);
      throw error;
    }
    let kind = expected;
    try {
      if (head?.kind === 'zip') kind = await this.checkZip(key, written.size, fileName, expected, policy);
    } catch (error) {
      await this.discard(key);
      throw error;
    }
    return { key, fileName, kind, mimeType: FILE_KINDS[kind].mime, ...written };
  }

  private async checkZip(key: string, size: number, fileName: string, expected: FileKind, policy: FilePolicy): Promise<FileKind> {
    try {
      const zip = await inspectZip({ size, read: (range) => this.driver.openRead(key, range) }, policy.zipLimits ?? DEFAULT_ZIP_LIMITS);
      const classification = classifyZip(zip.entryNames, zip.mimetype);
      checkZipKind(fileName, classification, expected);
      return classification.kind;
    } catch (error) {
      if (error instanceof UnsafeZipError) {
        this.logger.warn({ key, problem: error.problem, detail: error.detail }, 'Refused an unsafe archive');
        throw FileRejectedError.unsafeArchive(fileName, error.problem);
      }
      throw error;
    }
  }

  /**
   * Reads a multipart upload with its one file in `fileField`, storing the file as it streams in. The text
   * fields go to `upload.fieldsRead` as well, so a form can be shown again with them.
   */
  async receive(upload: IncomingUpload, fileField: string, policy: FilePolicy): Promise<ReceivedUpload> {
    if (!isMultipart(upload.headers)) throw UploadRequestError.notMultipart();
    const declared = Number(upload.headers['content-length']);
    if (Number.isFinite(declared) && declared > policy.maxBytes + FORM_OVERHEAD_BYTES) {
      upload.stopReading();
      throw UploadRequestError.tooLarge(policy.maxBytes);
    }
    const fields: Record<string, string> = {};
    let stored: StoredFile | undefined;
    try {
      await readMultipart(upload, {
        fields,
        fileField,
        maxFields: 20,
        maxFieldBytes: 16 * 1024,
        onFile: async (stream, name) => {
          stored = await this.store(stream, name, policy);
        },
      });
      return { fields, file: stored };
    } catch (error) {
      if (stored) await this.discard(stored.key);
      throw error;
    } finally {
      upload.fieldsRead(fields);
    }
  }

  /**
   * Like `receive`, for a form with up to `maxFiles` files in `fileField`, each stored as it streams in and
   * checked on its own. Any failure (a refused file, one file too many, a broken request) removes every
   * file stored so far. An empty file input is no file.
   */
  async receiveMany(upload: IncomingUpload, fileField: string, policy: FilePolicy, maxFiles: number): Promise<ReceivedUploads> {
    if (!isMultipart(upload.headers)) throw UploadRequestError.notMultipart();
    const declared = Number(upload.headers['content-length']);
    if (Number.isFinite(declared) && declared > Math.max(1, maxFiles) * policy.maxBytes + FORM_OVERHEAD_BYTES) {
      upload.stopReading();
      throw UploadRequestError.tooLarge(policy.maxBytes);
    }
    const fields: Record<string, string> = {};
    const stored: StoredFile[] = [];
    let sent = 0;
    try {
      await readMultipart(upload, {
        fields,
        fileField,
        maxFiles,
        maxFields: 20,
        maxFieldBytes: 256 * 1024,
        onFile: async (stream, name) => {
          const index = sent++;
          stored[index] = await this.store(stream, name, policy);
        },
      });
      return { fields, files: stored };
    } catch (error) {
      await this.discardAll(stored.filter(Boolean));
      throw error;
    } finally {
      upload.fieldsRead(fields);
    }
  }

  /**
   * Writes a file the platform made itself (an export, a generated document) under a new key of `prefix`, as it
   * streams in; there is no uploader's name or content to check. Kept only if a record comes to hold its key.
   */
  async write(
    content: Readable,
    prefix: string,
    maxBytes = Number.MAX_SAFE_INTEGER,
  ): Promise<{ key: string; size: number; sha256: string }> {
    const key = newStorageKey(prefix);
    return { key, ...(await this.driver.put(key, content, { maxBytes })) };
  }

  /**
   * A second, independent copy of a stored file under a new key of `prefix` (a record that must own its
   * file, such as a new version of a submission, gets one). Kept only if a record comes to hold its key.
   */
  async copy(file: { key: string; sha256: string }, prefix: string): Promise<{ key: string; size: number; sha256: string }> {
    const key = newStorageKey(prefix);
    const written = await this.driver.put(key, this.driver.openRead(file.key), { maxBytes: Number.MAX_SAFE_INTEGER });
    if (written.sha256 !== file.sha256) {
      await this.discard(key);
      throw new Error(`Stored file ${file.key} does not match its checksum`);
    }
    return { key, ...written };
  }

  /** Like `keepIf`, for several files at once. */
  async keepAllIf<T>(files: readonly { key: string }[], work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.discardAll(files);
      throw error;
    }
  }

  async discardAll(files: readonly { key: string }[]): Promise<void> {
    await Promise.all(files.map((file) => this.discard(file.key)));
  }

  /**
   * Runs `work` (the transaction that records the file) and removes the file if it fails, so no file is
   * left without its record. A crash between the two leaves an orphan for the OrphanFileCleaner.
   */
  async keepIf<T>(file: StoredFile, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.discard(file.key);
      throw error;
    }
  }

  /**
   * Removes a file once the unit of work `manager` belongs to commits (a replaced or removed file): if the change
   * rolls back, the file stays with the record that still holds it.
   */
  async discardAfterCommit(manager: EntityManager, key: string): Promise<void> {
    await afterCommit(manager, () => this.discard(key));
  }

  /**
   * Removes files written for a change if the unit of work `manager` belongs to rolls back, so no file is left
   * without its record. A crash between the two leaves an orphan for the OrphanFileCleaner.
   */
  discardOnRollback(manager: EntityManager, files: readonly { key: string }[]): void {
    if (files.length) afterRollback(manager, () => this.discardAll(files));
  }

  openRead(key: string, range?: ByteRange): Readable {
    return this.driver.openRead(key, range);
  }

  exists(key: string): Promise<boolean> {
    return this.driver.exists(key);
  }

  /** Removes a file whose record is gone; a failure is logged, and the orphan cleaner retries later. */
  async discard(key: string): Promise<void> {
    try {
      await this.driver.delete(key);
    } catch (error) {
      this.logger.error({ err: error, key }, 'Could not remove a stored file');
    }
  }
}
