import { randomBytes } from 'node:crypto';

/**
 * The public verification code of a certificate: 80 random bits as 16 characters of Crockford's base32 (no I, L,
 * O or U, so nothing reads as another), printed in groups of four for typing: `7KQ2-M9XD-4TPV-HC3R`. It is
 * separate from the serial, which is public and guessable.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;
const CODE = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** `7KQ2-M9XD-4TPV-HC3R`: how the code is printed and linked. */
export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * The code as stored, from what someone typed or the link carried: any case, with or without dashes and spaces,
 * the letters people confuse with digits (I, L, O) read as those digits. Null when it cannot be a code.
 */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return CODE.test(code) ? code : null;
}
