import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret of 32 bytes. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as SHA-256 hex: enough for high-entropy random values. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
