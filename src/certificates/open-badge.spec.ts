import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateDocument } from '../../test/support/certificate-documents';
import { AppConfig } from '../config/app-config';
import { InvalidEnvironmentError, parseEnv } from '../config/env.schema';
import { BadgesUnavailableError } from './certificate-signing.errors';
import { publicKeyFromMultibase } from './data-integrity';
import {
  badgeJwks,
  badgeKeys,
  didDocument,
  didDocumentPath,
  issueOpenBadge,
  issuerDid,
  OPEN_BADGE_CONTEXT,
  verifyOpenBadge,
} from './open-badge';
import { OpenBadgeService } from './open-badge.service';
import { loadBadgeKeys } from './signing-settings';

const ed25519 = () => generateKeyPairSync('ed25519').privateKey;
const details = {
  issuedAt: new Date('2012-07-02T09:30:00Z'),
  achievementId: 'https://kursors.example.lv/programmes/3/parts/2',
  issuerUrl: 'https://kursors.example.lv',
  holderEmail: 'Girts.Zurins@example.lv',
};

describe('Open Badges 3.0 credentials', () => {
  const keys = badgeKeys([ed25519()], 'https://kursors.example.lv', false);
  const doc = certificateDocument();
  const badge = issueOpenBadge(doc, details, keys);

  it('is an OpenBadgeCredential of the VC 2.0 data model about the part, its hours and outcomes', () => {
    expect(badge['@context']).toEqual(OPEN_BADGE_CONTEXT);
    expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(badge.id).toBe('https://kursors.example.lv/verify/K7QX-M2PA-9FJD-W4RT');
    expect(badge.validFrom).toBe('2012-07-02T09:30:00Z');
    expect(badge.issuer).toEqual({
      id: 'did:web:kursors.example.lv',
      type: ['Profile'],
      name: 'Daugavpils pilsētas dome',
      url: 'https://kursors.example.lv',
    });
    const { achievement } = badge.credentialSubject;
    expect(achievement).toMatchObject({
      id: details.achievementId,
      type: ['Achievement'],
      achievementType: 'CertificateOfCompletion',
      name: 'Daugavpils pašvaldības kapacitātes stiprināšana ES fondu projektu īstenošanai: 2. daļa. Projektu vadības specifika dažāda veida projektos',
      inLanguage: 'lv',
    });
    expect(achievement.description).toContain('40 akadēmiskās stundas');
    expect(achievement.criteria.narrative).toContain('Mācību rezultāti:');
    expect(achievement.criteria.narrative).toContain('- Spēj sagatavot projekta progresa pārskatu un maksājuma pieprasījumu.');
    expect(badge.credentialSubject.activityStartDate).toBe('2012-05-06T21:00:00Z');
    expect(badge.credentialSubject.activityEndDate).toBe('2012-06-28T21:00:00Z');
    expect(badge.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      proofPurpose: 'assertionMethod',
      created: '2012-07-02T09:30:00Z',
    });
    expect(badge.proof.verificationMethod).toBe(keys.signing.id);
  });

  it('names the holder, and carries the email only as a salted hash', () => {
    const [name, email] = badge.credentialSubject.identifier;
    expect(name).toEqual({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Ģirts Žūriņš-Ķēniņš' });
    expect(email).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    const expected = createHash('sha256').update(`girts.zurins@example.lv${email.salt}`).digest('hex');
    expect(email.identityHash).toBe(`sha256$${expected}`);
    expect(JSON.stringify(badge).toLowerCase()).not.toContain('girts.zurins');
  });

  it('verifies, as JSON text too, and gives the verification code', () => {
    expect(verifyOpenBadge(badge, keys)).toMatchObject({ valid: true, verificationCode: 'K7QX-M2PA-9FJD-W4RT' });
    expect(verifyOpenBadge(JSON.stringify(badge, null, 2), keys)).toMatchObject({ valid: true, verificationCode: 'K7QX-M2PA-9FJD-W4RT' });
  });

  it('fails when anything is changed, naming the certificate it claims to be', () => {
    const renamed = {
      ...badge,
      credentialSubject: {
        ...badge.credentialSubject,
        identifier: [{ ...badge.credentialSubject.identifier[0], identityHash: 'Jānis Bērziņš' }],
      },
    };
    expect(verifyOpenBadge(renamed, keys)).toEqual({ valid: false, reason: 'signature', verificationCode: 'K7QX-M2PA-9FJD-W4RT' });
    const moreHours = JSON.stringify(badge).replace('40 akadēmiskās stundas', '80 akadēmiskās stundas');
    expect(verifyOpenBadge(moreHours, keys)).toMatchObject({ valid: false, reason: 'signature' });
    const otherCode = { ...badge, id: 'https://kursors.example.lv/verify/AAAA-BBBB-CCCC-DDDD' };
    expect(verifyOpenBadge(otherCode, keys)).toEqual({ valid: false, reason: 'signature', verificationCode: 'AAAA-BBBB-CCCC-DDDD' });
    const { proof: _proof, ...unsigned } = badge;
    expect(verifyOpenBadge(unsigned, keys)).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('fails for another key, another issuer, or something that is not a badge', () => {
    const stranger = badgeKeys([ed25519()], 'https://kursors.example.lv', false);
    expect(verifyOpenBadge(badge, stranger)).toMatchObject({ valid: false, reason: 'unknown-key' });
    const elsewhere = badgeKeys([keys.signing.key], 'https://other.example', false);
    expect(verifyOpenBadge(badge, elsewhere)).toMatchObject({ valid: false, reason: 'other-issuer' });
    expect(verifyOpenBadge('{"not json', keys)).toEqual({ valid: false, reason: 'malformed', verificationCode: null });
    expect(verifyOpenBadge({ ...badge, type: ['VerifiableCredential'] }, keys)).toMatchObject({
      valid: false,
      reason: 'not-an-open-badge',
    });
    expect(verifyOpenBadge([badge], keys)).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('is the same badge each time, and older keys still verify after the key changes', () => {
    expect(issueOpenBadge(doc, details, keys)).toEqual(badge);
    const rotated = badgeKeys([ed25519(), keys.signing.key], 'https://kursors.example.lv', false);
    expect(verifyOpenBadge(badge, rotated).valid).toBe(true);
    expect(issueOpenBadge(doc, details, rotated).proof.verificationMethod).toBe(rotated.signing.id);
  });

  it('is written in English for an English certificate, and names a whole programme without a part', () => {
    const english = issueOpenBadge(
      certificateDocument({ lang: 'en', title: 'Certificate', partTitle: null, academicHours: 1 }),
      details,
      keys,
    );
    expect(english.credentialSubject.achievement.description).toBe(
      'The programme “Daugavpils pašvaldības kapacitātes stiprināšana ES fondu projektu īstenošanai”, 1 academic hour.',
    );
    expect(english.credentialSubject.achievement.inLanguage).toBe('en');
    expect(english.name).toBe('Certificate: Daugavpils pašvaldības kapacitātes stiprināšana ES fondu projektu īstenošanai');
  });

  it("publishes the keys in the issuer's did:web document and as a JWK set", () => {
    expect(issuerDid('http://localhost:3000')).toBe('did:web:localhost%3A3000');
    expect(issuerDid('https://example.lv/kursors/')).toBe('did:web:example.lv:kursors');
    expect(didDocumentPath('https://kursors.example.lv')).toBe('/.well-known/did.json');
    expect(didDocumentPath('https://example.lv/kursors/')).toBe('/kursors/did.json');
    const document = didDocument(keys) as {
      id: string;
      verificationMethod: { id: string; publicKeyMultibase: string }[];
      assertionMethod: string[];
    };
    expect(document.id).toBe('did:web:kursors.example.lv');
    expect(document.assertionMethod).toEqual([keys.signing.id]);
    const [method] = document.verificationMethod;
    expect(method.id).toBe(keys.signing.id);
    // a verifier that knows only the DID document checks the badge
    expect(
      verifyOpenBadge(badge, { ...keys, verifying: [{ id: method.id, key: publicKeyFromMultibase(method.publicKeyMultibase) }] }).valid,
    ).toBe(true);
    expect(badgeJwks(keys).keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: keys.signing.id, alg: 'EdDSA' });
    expect(JSON.stringify(badgeJwks(keys))).not.toContain('"d"');
  });
});

describe('the badge key setting', () => {
  const pem = (key = ed25519()) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('reads PEM text, escaped line breaks, a file, and several keys', () => {
    expect(loadBadgeKeys({})).toBeNull();
    expect(loadBadgeKeys({ CERTIFICATE_BADGE_KEY: pem() })).toHaveLength(1);
    expect(loadBadgeKeys({ CERTIFICATE_BADGE_KEY: pem().replace(/\n/g, '\\n') })).toHaveLength(1);
    const file = join(mkdtempSync(join(tmpdir(), 'kursors-badge-')), 'badge.pem');
    writeFileSync(file, pem() + pem());
    expect(loadBadgeKeys({ CERTIFICATE_BADGE_KEY: file })).toHaveLength(2);
  });

  it('refuses a missing file, text without a key, or a key that is not Ed25519, naming the setting', () => {
    expect(() => loadBadgeKeys({ CERTIFICATE_BADGE_KEY: '/nonexistent/badge.pem' })).toThrow(
      /CERTIFICATE_BADGE_KEY: cannot read \/nonexistent\/badge\.pem \(ENOENT\)/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadBadgeKeys({ CERTIFICATE_BADGE_KEY: pem() + rsa })).toThrow(/CERTIFICATE_BADGE_KEY: key 2 is rsa, not Ed25519/);
    expect(() => loadBadgeKeys({ CERTIFICATE_BADGE_KEY: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' })).toThrow(
      InvalidEnvironmentError,
    );
  });

  const service = (env: NodeJS.ProcessEnv) =>
    new OpenBadgeService(new AppConfig(parseEnv({ SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://kursors.example.lv', ...env })));

  it('signs with the configured key, with one made at start-up in development, and not at all in production without one', () => {
    const key = ed25519();
    const configured = service({ NODE_ENV: 'production', CERTIFICATE_BADGE_KEY: pem(key) });
    expect(configured.development).toBe(false);
    const issued = configured.issue(certificateDocument(), details);
    expect(issued.issuer.url).toBe('https://kursors.example.lv');
    expect(configured.verify(JSON.stringify(issued))).toMatchObject({ valid: true, verificationCode: 'K7QX-M2PA-9FJD-W4RT' });
    expect(configured.didDocumentPath).toBe('/.well-known/did.json');

    const development = service({ NODE_ENV: 'test' });
    expect(development.available && development.development).toBe(true);
    expect(development.verify(issued)).toMatchObject({ valid: false, reason: 'unknown-key' });

    const none = service({ NODE_ENV: 'production' });
    expect(none.available).toBe(false);
    expect(() => none.issue(certificateDocument(), details)).toThrow(BadgesUnavailableError);
    expect(() => none.didDocument()).toThrow(BadgesUnavailableError);
  });
});
