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
