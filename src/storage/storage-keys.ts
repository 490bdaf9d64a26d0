import { randomBytes } from 'node:crypto';

/** `<prefix>-<32 hex digits>`: letters, digits and one hyphen, so a key can never name a path. */
const KEY = /^([a-z]{2,20})-([0-9a-f]{32})$/;
const PREFIX = /^[a-z]{2,20}$/;

export function newStorageKey(prefix: string): string {
  if (!PREFIX.test(prefix)) throw new Error(`Invalid storage key prefix: ${prefix}`);
  return `${prefix}-${randomBytes(16).toString('hex')}`;
}

export function isStorageKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

export function parseStorageKey(key: string): { prefix: string; id: string } {
  const match = KEY.exec(key);
  if (!match) throw new Error('Invalid storage key');
  return { prefix: match[1], id: match[2] };
}

export function isStoragePrefix(value: string): boolean {
  return PREFIX.test(value);
}
