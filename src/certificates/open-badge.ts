import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { parseCalendarDate, rigaTime } from '../i18n/dates';
import type { CertificateDocument } from './certificate-document';
import { fillLabel, hoursText } from './certificate-labels';
import { addProof, type DataIntegrityProof, publicKeyMultibase, verifyProof } from './data-integrity';

/**
 * A certificate as an Open Badges 3.0 credential: an `OpenBadgeCredential` in the W3C Verifiable Credentials 2.0
 * data model, signed with an embedded Data Integrity proof (`eddsa-jcs-2022`, Ed25519). The issuer is a `did:web`
 * identifier of the platform's address, whose DID document (`didDocument`, served at `didDocumentPath`) publishes
 * the public key, so a wallet or verifier anywhere can check the badge; the credential's id is the certificate's
 * verification link, which shows whether it is still valid.
 */
export const OPEN_BADGE_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
const OPEN_BADGE_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** The keys that sign badges: the first signs, every one verifies (older keys kept after a change). */
export interface BadgeKeys {
  /** `did:web:…` of the platform's public address. */
  issuerId: string;
  signing: { id: string; key: KeyObject };
  verifying: { id: string; key: KeyObject }[];
  /** Made at start-up for development and tests. */
  development: boolean;
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  description: string;
  issuer: { id: string; type: ['Profile']; name: string; url: string; description?: string };
  validFrom: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: { type: 'IdentityObject'; identityType: 'name' | 'emailAddress'; hashed: boolean; identityHash: string; salt?: string }[];
    activityStartDate: string;
    activityEndDate: string;
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'CertificateOfCompletion';
      name: string;
      description: string;
      criteria: { narrative: string };
      inLanguage: string;
      creator: { id: string; type: ['Profile']; name: string };
    };
  };
  credentialSchema: { id: string; type: '1EdTechJsonSchemaValidator2019' }[];
  [key: string]: unknown;
}

export type SignedOpenBadge = OpenBadgeCredential & { proof: DataIntegrityProof };

export interface BadgeDetails {
  /** The moment the certificate was issued: the badge's validFrom and its proof's time. */
  issuedAt: Date;
  /** A stable URL naming what was achieved (the programme, or its part), the same for every holder. */
  achievementId: string;
  /** The issuer's public address. */
  issuerUrl: string;
  /** Identifies the holder beside the name, hashed with a salt only the issuer can repeat. */
  holderEmail?: string | null;
}

/** `did:web` of an address: the host (its port written %3A) and each path segment, joined by colons. */
export function issuerDid(publicUrl: string): string {
  const url = new URL(publicUrl);
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...path].join(':');
}

/** Where the DID document of `issuerDid(publicUrl)` is fetched from, relative to the address's origin. */
export function didDocumentPath(publicUrl: string): string {
  const path = new URL(publicUrl).pathname.replace(/\/+$/, '');
  return path ? `${path}/did.json` : '/.well-known/did.json';
}

/**
 * The badge keys from Ed25519 private keys, the first one signing; each named by its Multikey, a development key
 * as such (`#development-z6Mk…`), so the proof, the DID document and the key set all say what it is.
 */
export function badgeKeys(privateKeys: KeyObject[], publicUrl: string, development: boolean): BadgeKeys {
  if (!privateKeys.length) throw new RangeError('at least one badge key is needed');
  const issuerId = issuerDid(publicUrl);
  const fragment = (key: KeyObject) => (development ? 'development-' : '') + publicKeyMultibase(key);
  const verifying = privateKeys.map((key) => ({ id: `${issuerId}#${fragment(key)}`, key: createPublicKey(key) }));
  return { issuerId, signing: { id: verifying[0].id, key: privateKeys[0] }, verifying, development };
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function calendarStart(value: string): string {
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return isoSeconds(rigaTime(date.year, date.month, date.day));
}

/** What the holder achieved, in the certificate's language: the part (or programme), its hours and outcomes. */
function narrative(doc: CertificateDocument): { name: string; description: string; criteria: string } {
  const { labels } = doc;
  const values = { programme: doc.programmeTitle, part: doc.partTitle ?? '', hours: hoursText(doc) };
  const name = doc.partTitle ? `${doc.programmeTitle}: ${doc.partTitle}` : doc.programmeTitle;
  const description = fillLabel(doc.partTitle ? labels.badgeDescriptionPart : labels.badgeDescriptionProgramme, values);
  const done = fillLabel(doc.partTitle ? labels.badgeCriteriaPart : labels.badgeCriteriaProgramme, values);
  const outcomes = doc.learningOutcomes.map((o) => o.trim()).filter(Boolean);
  const list = outcomes.length ? `\n\n${labels.outcomes}:\n\n${outcomes.map((o) => `- ${o}`).join('\n')}` : '';
  return { name, description, criteria: done + list };
}

/** The unsigned credential of a certificate. */
export function openBadgeCredential(doc: CertificateDocument, details: BadgeDetails, keys: BadgeKeys): OpenBadgeCredential {
  const { name, description, criteria } = narrative(doc);
  const issuer = { id: keys.issuerId, type: ['Profile'] as ['Profile'], name: doc.issuer };
  const identifier: OpenBadgeCredential['credentialSubject']['identifier'] = [
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: doc.holderName },
  ];
  const email = details.holderEmail?.trim().toLowerCase();
  if (email) {
    // a salt derived from the signing key and the certificate: the same badge every time, and no one else can test guesses
    const salt = createHash('sha256')
      .update(keys.signing.key.export({ format: 'der', type: 'pkcs8' }))
      .update(doc.verificationCode)
      .digest('hex')
      .slice(0, 32);
    const hash = createHash('sha256')
      .update(email + salt)
      .digest('hex');
    identifier.push({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${hash}`, salt });
  }
  return {
    '@context': OPEN_BADGE_CONTEXT,
    id: doc.verificationUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${doc.title}: ${name}`,
    description: `${doc.title} ${doc.labels.serial} ${doc.serial}. ${description}`,
    // a badge signed with a key made at start-up says so where every wallet shows it: beside the issuer's name
    issuer: { ...issuer, url: details.issuerUrl, ...(keys.development ? { description: doc.labels.badgeDevelopmentKey } : {}) },
    validFrom: isoSeconds(details.issuedAt),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier,
      activityStartDate: calendarStart(doc.startsOn),
      activityEndDate: calendarStart(doc.endsOn),
      achievement: {
        id: details.achievementId,
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name,
        description,
        criteria: { narrative: criteria },
        inLanguage: doc.lang,
        creator: issuer,
      },
    },
    credentialSchema: [{ id: OPEN_BADGE_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

/** The certificate's badge, signed; the same certificate and keys give the same badge. */
export function issueOpenBadge(doc: CertificateDocument, details: BadgeDetails, keys: BadgeKeys): SignedOpenBadge {
  return addProof(openBadgeCredential(doc, details, keys), keys.signing.key, {
    verificationMethod: keys.signing.id,
    created: details.issuedAt,
  });
}

/** The same credential signed again with the current key, keeping its time: for a badge whose key was retired. */
export function resignOpenBadge(badge: SignedOpenBadge, keys: BadgeKeys): SignedOpenBadge {
  const { proof, ...credential } = badge;
  return addProof(credential as OpenBadgeCredential, keys.signing.key, {
    verificationMethod: keys.signing.id,
    created: new Date(proof.created),
  });
}

export type BadgeCheck =
  | { valid: true; verificationCode: string; credential: SignedOpenBadge }
  | {
      valid: false;
      reason: 'malformed' | 'not-an-open-badge' | 'other-issuer' | 'unknown-key' | 'signature';
      verificationCode: string | null;
    };

/**
 * Checks a badge (its JSON text or parsed object): an OpenBadgeCredential of this issuer whose proof verifies with
 * one of its keys. The verification code comes from the credential's id (`…/verify/CODE`), so the page can show
 * the certificate's current status; it is given even for a badge that fails, to say which one was tampered with.
 */
export function verifyOpenBadge(input: string | unknown, keys: BadgeKeys): BadgeCheck {
  let badge: unknown = input;
  if (typeof input === 'string') {
    try {
      badge = JSON.parse(input) as unknown;
    } catch {
      return { valid: false, reason: 'malformed', verificationCode: null };
    }
  }
  if (!badge || typeof badge !== 'object' || Array.isArray(badge)) return { valid: false, reason: 'malformed', verificationCode: null };
  const credential = badge as Record<string, unknown>;
  const verificationCode = codeOf(credential.id);
  const types = Array.isArray(credential.type) ? credential.type : [];
  if (!types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential')) {
    return { valid: false, reason: 'not-an-open-badge', verificationCode };
  }
  const issuer = credential.issuer as { id?: unknown } | string | undefined;
  const issuerId = typeof issuer === 'string' ? issuer : issuer?.id;
  if (issuerId !== keys.issuerId) return { valid: false, reason: 'other-issuer', verificationCode };
  const check = verifyProof(credential, (method) => keys.verifying.find((k) => k.id === method)?.key ?? null);
  if (!check.valid) return { valid: false, reason: check.reason === 'no-proof' ? 'malformed' : check.reason, verificationCode };
  if (!verificationCode) return { valid: false, reason: 'malformed', verificationCode };
  return { valid: true, verificationCode, credential: credential as SignedOpenBadge };
}

/** The code at the end of a verification link (`…/verify/CODE`). */
function codeOf(id: unknown): string | null {
  const match = typeof id === 'string' ? /\/verify\/([^/?#]+)$/.exec(id) : null;
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** The issuer's DID document, publishing every badge key as a Multikey for assertions. */
export function didDocument(keys: BadgeKeys): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: keys.issuerId,
    verificationMethod: keys.verifying.map(({ id, key }) => ({
      id,
      type: 'Multikey',
      controller: keys.issuerId,
      publicKeyMultibase: publicKeyMultibase(key),
    })),
    assertionMethod: keys.verifying.map(({ id }) => id),
  };
}

/** The badge keys as a JSON Web Key Set (OKP, Ed25519), each `kid` its verification method. */
export function badgeJwks(keys: BadgeKeys): { keys: Record<string, unknown>[] } {
  return { keys: keys.verifying.map(({ id, key }) => ({ ...key.export({ format: 'jwk' }), kid: id, alg: 'EdDSA', use: 'sig' })) };
}
