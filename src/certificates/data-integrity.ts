import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * W3C Verifiable Credential Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite: the document and the proof
 * options are each put in canonical JSON form (JCS, RFC 8785), hashed with SHA-256, and the two hashes signed
 * with Ed25519; the signature is written base58-btc in multibase (`z…`). No JSON-LD processing is needed to make or
 * check one, and a document keeps its readable JSON with the proof inside.
 */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-jcs-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: string;
  '@context'?: unknown;
  proofValue: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The JSON Canonicalization Scheme: members sorted by UTF-16 code units, ECMAScript number and string forms. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for ${typeof value}`);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let number = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let text = '';
  while (number > 0n) {
    text = BASE58[Number(number % 58n)] + text;
    number /= 58n;
  }
  return '1'.repeat(zeros) + text;
}

export function fromBase58btc(text: string): Buffer {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  let number = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) throw new RangeError('not base58-btc');
    number = number * 58n + BigInt(digit);
  }
  const hex = number > 0n ? number.toString(16) : '';
  return Buffer.concat([Buffer.alloc(zeros), Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')]);
}

// multicodec prefixes of an Ed25519 public key (0xed) and private key (0x1300), as varints
const ED25519_PUBLIC = Buffer.from([0xed, 0x01]);
const ED25519_PRIVATE = Buffer.from([0x80, 0x26]);
// the DER around a raw key: SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo for Ed25519
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 public key as a Multikey's `publicKeyMultibase` (`z6Mk…`). */
export function publicKeyMultibase(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  return `z${base58btc(Buffer.concat([ED25519_PUBLIC, raw]))}`;
}

/** The Ed25519 public key of a `publicKeyMultibase`. */
export function publicKeyFromMultibase(multibase: string): KeyObject {
  const bytes = multibase.startsWith('z') ? fromBase58btc(multibase.slice(1)) : Buffer.alloc(0);
  if (bytes.length !== 34 || !bytes.subarray(0, 2).equals(ED25519_PUBLIC)) throw new RangeError('not an Ed25519 Multikey');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, bytes.subarray(2)]), format: 'der', type: 'spki' });
}

/** The Ed25519 private key of a `secretKeyMultibase` (`z3u2…`). */
export function privateKeyFromMultibase(multibase: string): KeyObject {
  const bytes = multibase.startsWith('z') ? fromBase58btc(multibase.slice(1)) : Buffer.alloc(0);
  if (bytes.length !== 34 || !bytes.subarray(0, 2).equals(ED25519_PRIVATE)) throw new RangeError('not an Ed25519 secret Multikey');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, bytes.subarray(2)]), format: 'der', type: 'pkcs8' });
}

function hashData(document: Record<string, unknown>, options: Omit<DataIntegrityProof, 'proofValue'>): Buffer {
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return Buffer.concat([sha256(canonicalJson(options)), sha256(canonicalJson(document))]);
}

/** The document with an `eddsa-jcs-2022` proof made by `key` at `created` (the same inputs give the same proof). */
export function addProof<T extends Record<string, unknown>>(
  document: T,
  key: KeyObject,
  options: { verificationMethod: string; created: Date; proofPurpose?: string },
): T & { proof: DataIntegrityProof } {
  const proofOptions = {
    type: 'DataIntegrityProof' as const,
    cryptosuite: 'eddsa-jcs-2022' as const,
    created: options.created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod: options.verificationMethod,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...('@context' in document ? { '@context': document['@context'] } : {}),
  };
  const proofValue = `z${base58btc(sign(null, hashData(document, proofOptions), key))}`;
  return { ...document, proof: { ...proofOptions, proofValue } };
}

export type ProofCheck =
  { valid: true; verificationMethod: string; created: string } | { valid: false; reason: 'no-proof' | 'unknown-key' | 'signature' };

/**
 * Checks the document's `eddsa-jcs-2022` proof with the public key `keyFor` gives for its verification method
 * (null: a key this verifier does not know).
 */
export function verifyProof(secured: Record<string, unknown>, keyFor: (verificationMethod: string) => KeyObject | null): ProofCheck {
  const { proof, ...document } = secured;
  if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return { valid: false, reason: 'no-proof' };
  const { proofValue, ...options } = proof as Record<string, unknown>;
  if (options.type !== 'DataIntegrityProof' || options.cryptosuite !== 'eddsa-jcs-2022' || typeof proofValue !== 'string') {
    return { valid: false, reason: 'no-proof' };
  }
  if (typeof options.verificationMethod !== 'string' || typeof options.created !== 'string') return { valid: false, reason: 'no-proof' };
  // the proof's @context, when there is one, must be the document's
  if ('@context' in options && canonicalJson(options['@context']) !== canonicalJson(document['@context'])) {
    return { valid: false, reason: 'signature' };
  }
  const key = keyFor(options.verificationMethod);
  if (!key) return { valid: false, reason: 'unknown-key' };
  let signature: Buffer;
  try {
    signature = proofValue.startsWith('z') ? fromBase58btc(proofValue.slice(1)) : Buffer.alloc(0);
  } catch {
    return { valid: false, reason: 'signature' };
  }
  const data = hashData(document as Record<string, Json>, options as Omit<DataIntegrityProof, 'proofValue'>);
  if (signature.length !== 64 || !verify(null, data, key, signature)) return { valid: false, reason: 'signature' };
  return { valid: true, verificationMethod: options.verificationMethod, created: options.created };
}
