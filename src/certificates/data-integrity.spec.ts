import { generateKeyPairSync } from 'node:crypto';
import {
  addProof,
  base58btc,
  canonicalJson,
  fromBase58btc,
  privateKeyFromMultibase,
  publicKeyFromMultibase,
  publicKeyMultibase,
  verifyProof,
} from './data-integrity';

describe('Data Integrity proofs (eddsa-jcs-2022)', () => {
  it('writes canonical JSON as RFC 8785 does: sorted by UTF-16 code units, ECMAScript numbers', () => {
    expect(canonicalJson({ b: [1, 'ā', null, true], a: { z: 0.5, y: 1e30, x: 1e-7, w: 4.5 } })).toBe(
      '{"a":{"w":4.5,"x":1e-7,"y":1e+30,"z":0.5},"b":[1,"ā",null,true]}',
    );
    const keys = { '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4, '\ud83d\ude00': 5, '\u0080': 6, ö: 7 };
    expect(Object.keys(JSON.parse(canonicalJson(keys)) as object)).toEqual(['1', '\r', '\u0080', 'ö', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(canonicalJson({ '\r': 1, '\u0080': 2, ö: 3, '\ud83d\ude00': 4, '\ufb33': 5 })).toBe(
      '{"\\r":1,"\u0080":2,"ö":3,"\ud83d\ude00":4,"\ufb33":5}',
    );
    expect(canonicalJson('\u000f"\\')).toBe('"\\u000f\\"\\\\"');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });

  it('writes and reads base58-btc, keeping leading zero bytes', () => {
    const bytes = Buffer.from([0, 0, 1, 2, 255, 254, 0]);
    expect(base58btc(Buffer.from('hello world'))).toBe('StV1DL6CwTryKyV');
    expect(fromBase58btc(base58btc(bytes)).equals(bytes)).toBe(true);
    expect(() => fromBase58btc('0OIl')).toThrow(RangeError);
  });

  // The signed example of the W3C specification (vc-di-eddsa, "Representation: eddsa-jcs-2022") and its key pair.
  const specKeys = {
    publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
    secretKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
  };
  const context = ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'];
  const specDocument = {
    '@context': context,
    id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
    type: ['VerifiableCredential', 'AlumniCredential'],
    name: 'Alumni Credential',
    description: 'A minimum viable example of an Alumni Credential.',
    issuer: 'https://vc.example/issuers/5678',
    validFrom: '2023-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
  };
  const specMethod = `https://vc.example/issuers/5678#${specKeys.publicKeyMultibase}`;
  const specProof = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: '2023-02-24T23:36:38Z',
    verificationMethod: specMethod,
    proofPurpose: 'assertionMethod',
    '@context': context,
    proofValue: 'z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4',
  };

  it("makes exactly the specification's proof from its key, so other implementations agree with it", () => {
    const key = privateKeyFromMultibase(specKeys.secretKeyMultibase);
    expect(publicKeyMultibase(key)).toBe(specKeys.publicKeyMultibase);
    const secured = addProof(specDocument, key, { verificationMethod: specMethod, created: new Date('2023-02-24T23:36:38Z') });
    expect(secured.proof).toEqual(specProof);
  });

  it("verifies the specification's example and refuses it changed by one letter", () => {
    const publicKey = publicKeyFromMultibase(specKeys.publicKeyMultibase);
    const keyFor = (method: string) => (method === specMethod ? publicKey : null);
    const secured = { ...specDocument, proof: specProof };
    expect(verifyProof(secured, keyFor)).toEqual({ valid: true, verificationMethod: specMethod, created: '2023-02-24T23:36:38Z' });
    const changed = { ...secured, credentialSubject: { ...secured.credentialSubject, alumniOf: 'The School of Exampler' } };
    expect(verifyProof(changed, keyFor)).toEqual({ valid: false, reason: 'signature' });
    expect(verifyProof({ ...secured, proof: { ...secured.proof, created: '2023-02-24T23:36:39Z' } }, keyFor)).toEqual({
      valid: false,
      reason: 'signature',
    });
    expect(verifyProof(secured, () => null)).toEqual({ valid: false, reason: 'unknown-key' });
    expect(verifyProof(specDocument, keyFor)).toEqual({ valid: false, reason: 'no-proof' });
  });

  it('round-trips a fresh key through its Multikey form', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const multibase = publicKeyMultibase(privateKey);
    expect(multibase).toMatch(/^z6Mk/);
    expect(publicKeyFromMultibase(multibase).export({ format: 'jwk' })).toEqual(publicKey.export({ format: 'jwk' }));
    expect(() => publicKeyFromMultibase('zabc')).toThrow(RangeError);
  });
});
