import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldError } from '../common/errors';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(__dirname, '..', '..', 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/** Length and a list of the most common passwords, as NIST SP 800-63B advises; no composition rules. */
export function checkPassword(password: string, email?: string, field = 'password'): FieldError | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { field, code: 'tooSmall.string', params: { min: PASSWORD_MIN_LENGTH, count: PASSWORD_MIN_LENGTH } };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { field, code: 'tooBig.string', params: { max: PASSWORD_MAX_LENGTH, count: PASSWORD_MAX_LENGTH } };
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return { field, code: 'passwordCommon' };
  if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0])) return { field, code: 'passwordIsEmail' };
  return null;
}
