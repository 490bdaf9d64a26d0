import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Env, InvalidEnvironmentError } from '../config/env.schema';
import { describeIdentity, identityFromP12, type SealIdentity, SealIdentityError } from './pdf-seal';

const invalid = (message: string) => new InvalidEnvironmentError(`Invalid configuration: ${message}`);

/**
 * The seal configured with CERTIFICATE_SIGNING_P12 and CERTIFICATE_SIGNING_PASSWORD, or null when none is;
 * an unreadable file, a wrong password, a file without an RSA key and its certificate, or a certificate not valid
 * today stops the process with a message naming the setting.
 */
export function loadSealIdentity(
  env: Partial<Pick<Env, 'CERTIFICATE_SIGNING_P12' | 'CERTIFICATE_SIGNING_PASSWORD'>>,
  now = new Date(),
): SealIdentity | null {
  const path = env.CERTIFICATE_SIGNING_P12;
  if (!path) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw invalid(`CERTIFICATE_SIGNING_P12: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let identity: SealIdentity;
  try {
    identity = identityFromP12(bytes, env.CERTIFICATE_SIGNING_PASSWORD ?? '');
  } catch (error) {
    if (error instanceof SealIdentityError) throw invalid(`CERTIFICATE_SIGNING_P12: ${path} ${error.message}`);
    throw error;
  }
  const { validFrom, validTo, subject } = describeIdentity(identity);
  if (now < validFrom)
    throw invalid(`CERTIFICATE_SIGNING_P12: the certificate of ${subject} is valid only from ${validFrom.toISOString()}`);
  if (now > validTo) throw invalid(`CERTIFICATE_SIGNING_P12: the certificate of ${subject} expired on ${validTo.toISOString()}`);
  return identity;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * The Ed25519 private keys of CERTIFICATE_BADGE_KEY (PEM text, with real or `\n` line breaks, or the path of a PEM
 * file), or null when it is not set. Several keys may be given: the first signs new badges, the others still verify
 * badges signed before a change of key.
 */
export function loadBadgeKeys(env: Partial<Pick<Env, 'CERTIFICATE_BADGE_KEY'>>): KeyObject[] | null {
  const value = env.CERTIFICATE_BADGE_KEY;
  if (!value) return null;
  let pem = value.replace(/\\n/g, '\n');
  if (!pem.includes('-----BEGIN')) {
    try {
      pem = readFileSync(value, 'utf8');
    } catch (error) {
      throw invalid(`CERTIFICATE_BADGE_KEY: cannot read ${value} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  const blocks = [...pem.matchAll(PEM_BLOCK)].map((match) => match[0]);
  if (!blocks.length) throw invalid('CERTIFICATE_BADGE_KEY: holds no PEM private key');
  return blocks.map((block, index) => {
    let key: KeyObject;
    try {
      key = createPrivateKey(block);
    } catch {
      throw invalid(`CERTIFICATE_BADGE_KEY: key ${index + 1} is not a readable private key`);
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw invalid(
        `CERTIFICATE_BADGE_KEY: key ${index + 1} is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519 (make one with \`openssl genpkey -algorithm ed25519\`)`,
      );
    }
    return key;
  });
}
