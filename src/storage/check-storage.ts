import { Readable } from 'node:stream';
import { withTimeout } from '../common/timeout';
import type { Env } from '../config/env.schema';
import { ServiceUnavailableError } from '../database/ensure-database';
import { S3Client, S3RequestError, type S3Settings } from './s3-client';
import { S3StorageDriver, StoredObjectMismatchError } from './s3-storage.driver';
import { newStorageKey } from './storage-keys';

/** The S3 settings of the environment; their presence was checked with the rest of it (env.schema.ts). */
export function s3Settings(env: Env): S3Settings {
  return {
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

/** What to do about a failed start check, by what failed. */
function hint(error: unknown): string {
  if (error instanceof StoredObjectMismatchError) return 'The service must keep SHA-256 checksums of objects (x-amz-checksum-sha256).';
  if (!(error instanceof S3RequestError)) return 'Check S3_ENDPOINT, and that the service is running.';
  switch (error.code) {
    case 'NoSuchBucket':
      return 'Create the bucket, or set S3_BUCKET.';
    case 'InvalidAccessKeyId':
    case 'SignatureDoesNotMatch':
      return 'Check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.';
    case 'AuthorizationHeaderMalformed':
      return 'Check S3_REGION.';
    case 'AccessDenied':
      return 'The key must be allowed to put, get and delete objects, and to list the bucket and its multipart uploads.';
    default:
      return 'Check the S3_* settings.';
  }
}

/**
 * Before a process starts with STORAGE_DRIVER=s3: writes a small object to the bucket, checks what the service
 * keeps of it as every upload is checked, and removes it. Fails with one clear line naming what to fix.
 */
export async function checkStorage(env: Env): Promise<void> {
  if (env.STORAGE_DRIVER !== 's3') return;
  const settings = s3Settings(env);
  const client = new S3Client(settings);
  const driver = new S3StorageDriver(client);
  const key = newStorageKey('probe');
  try {
    await withTimeout(
      (async () => {
        await driver.put(key, Readable.from([Buffer.from('Kursors start check')]), { maxBytes: 100 });
        await driver.delete(key);
      })(),
      20_000,
    );
  } catch (error) {
    const where = client.urlOf().toString();
    throw new ServiceUnavailableError(
      `The S3 bucket ${settings.bucket} at ${where} cannot keep files (${(error as Error).message}). ${hint(error)}`,
    );
  } finally {
    client.close();
  }
}
