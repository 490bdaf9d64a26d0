import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStorageDriver } from '../../src/storage/local-storage.driver';
import { S3Client } from '../../src/storage/s3-client';
import { MIN_PART_SIZE, S3StorageDriver } from '../../src/storage/s3-storage.driver';
import type { StorageDriver } from '../../src/storage/storage-driver';
import { parseStorageKey } from '../../src/storage/storage-keys';
import { startS3Server, type S3TestServer } from './s3-server';
import { filesIn } from './uploads';

/**
 * Where a storage driver keeps files, seen from outside the driver, so one test can run against each driver:
 * what is kept there, and the means to age a file or leave what a crashed write leaves.
 */
export interface StorageSpace {
  readonly kind: 'local' | 's3';
  /** The settings that point the platform at this space. */
  readonly env: Record<string, string>;
  /** A driver on this space. */
  driver(): StorageDriver;
  /** The name of everything kept there: complete files, what interrupted writes left, and anything foreign. */
  stored(): string[];
  /** Makes a stored file look `ms` older. */
  age(key: string, ms: number): void;
  /** Leaves what a write of `key` cut off by a crash `ms` ago leaves; returns its name in `stored()`. */
  leaveIncomplete(key: string, ms: number): string;
  /** Puts something the platform did not write there. */
  putForeign(name: string): void;
  close(): Promise<void>;
}

export type StorageKind = StorageSpace['kind'];
export const STORAGE_KINDS: StorageKind[] = ['local', 's3'];

/** A fresh directory for the local driver. */
export function localSpace(): StorageSpace {
  const root = mkdtempSync(join(tmpdir(), 'kursors-storage-'));
  const shardOf = (key: string) => {
    const { prefix, id } = parseStorageKey(key);
    return join(root, prefix, id.slice(0, 2));
  };
  const setAge = (path: string, ms: number) => {
    const then = new Date(Date.now() - ms);
    utimesSync(path, then, then);
  };
  return {
    kind: 'local',
    env: { STORAGE_DRIVER: 'local', UPLOAD_DIR: root },
    driver: () => new LocalStorageDriver(root),
    stored: () => filesIn(root),
    age: (key, ms) => setAge(join(shardOf(key), key), ms),
    leaveIncomplete: (key, ms) => {
      mkdirSync(shardOf(key), { recursive: true });
      const name = `.${key}.0123456789ab.tmp`;
      writeFileSync(join(shardOf(key), name), 'half a file');
      setAge(join(shardOf(key), name), ms);
      return name;
    },
    putForeign: (name) => writeFileSync(join(root, name), 'not ours'),
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface S3Space extends StorageSpace {
  server: S3TestServer;
  /** A driver with S3's smallest part size, so a few MiB make a multipart upload. */
  driver(options?: { partSize?: number; secretAccessKey?: string }): S3StorageDriver;
}

/** A fresh in-process S3-compatible server with one empty bucket. */
export async function s3Space(): Promise<S3Space> {
  const server = await startS3Server();
  const drivers: S3StorageDriver[] = [];
  return {
    kind: 's3',
    server,
    env: server.env,
    driver: (options = {}) => {
      const client = new S3Client({
        endpoint: server.endpoint,
        region: server.region,
        bucket: server.bucket,
        accessKeyId: server.accessKeyId,
        secretAccessKey: options.secretAccessKey ?? server.secretAccessKey,
        forcePathStyle: true,
      });
      const driver = new S3StorageDriver(client, { partSize: options.partSize ?? MIN_PART_SIZE });
      drivers.push(driver);
      return driver;
    },
    stored: () => server.names(),
    age: (key, ms) => server.age(key, ms),
    leaveIncomplete: (key, ms) => {
      server.leaveUpload(key, ms);
      return `${key} (upload)`;
    },
    putForeign: (name) => server.putDirect(name, Buffer.from('not ours')),
    close: async () => {
      for (const driver of drivers) driver.onApplicationShutdown();
      await server.stop();
    },
  };
}

export function openSpace(kind: StorageKind): Promise<StorageSpace> {
  return kind === 'local' ? Promise.resolve(localSpace()) : s3Space();
}

/**
 * Points the platform at `space` for the apps started after it (their settings are read at start); returns
 * what puts the previous settings back.
 */
export function useSpace(space: StorageSpace): () => void {
  const names = ['STORAGE_DRIVER', 'UPLOAD_DIR', ...Object.keys(space.env)];
  const before = new Map(names.map((name) => [name, process.env[name]]));
  Object.assign(process.env, space.env);
  return () => {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
