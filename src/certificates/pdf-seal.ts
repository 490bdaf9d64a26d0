import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  randomBytes,
  sign,
  verify,
  X509Certificate,
} from 'node:crypto';
import { promisify } from 'node:util';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';

/**
 * The digital seal of a PDF: a detached CMS signature (PAdES baseline B: `ETSI.CAdES.detached`, the signed
 * attributes content type, message digest and signing certificate v2, the time in the signature dictionary) over
 * the whole file but the signature itself, made with the organisation's certificate and key (RSA or elliptic
 * curve) from a PKCS#12 file.
 * PDF readers then show who issued the document and that it is unchanged.
 *
 * @signpdf adds the signature field and fills in the byte range; the CMS structure is built here and signed with
 * node's crypto, so the key is read once and each seal costs a millisecond or two (@signpdf's P12Signer opens
 * the PKCS#12 file again for each PDF and signs in JavaScript).
 */
export interface SealIdentity {
  key: KeyObject;
  /** The signing certificate first, then the rest of its chain, each DER. */
  chain: Buffer[];
  /** Made at start-up for development and tests; seals nothing real. */
  development: boolean;
}

/** What a seal says about itself, for logs and the verification notes. */
export interface SealDescription {
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  /** SHA-256 of the signing certificate, hex. */
  fingerprint: string;
  development: boolean;
}

export interface SealDetails {
  /** The moment of sealing written into the PDF: the issue time, so sealing the same PDF twice gives the same bytes. */
  signedAt: Date;
  reason: string;
  location: string;
  /** The signer as the signature panel names it (defaults to the certificate's subject). */
  name?: string;
  contactInfo?: string;
}

/** A PKCS#12 file or its password is unusable; the message says why and what to do. */
export class SealIdentityError extends Error {}

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
// forge takes options its types do not list; a signature's room is padded with zeros after the DER
const parseDer = asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { parseAllBytes: boolean }) => forge.asn1.Asn1;
const fromDer = (bytes: Buffer) => parseDer(forge.util.createBuffer(bytes.toString('binary')), { parseAllBytes: false });
const seq = (...items: forge.asn1.Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const setOf = (...items: forge.asn1.Asn1[]) => asn1.create(U, T.SET, true, sortedForDer(items));
const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(U, T.OCTETSTRING, false, bytes.toString('binary'));
const integer = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string, withNull = true) => seq(oid(id), ...(withNull ? [asn1.create(U, T.NULL, false, '')] : []));
const attribute = (type: string, value: forge.asn1.Asn1) => seq(oid(type), setOf(value));

/** DER wants the members of a SET OF in the order of their encodings. */
function sortedForDer(items: forge.asn1.Asn1[]): forge.asn1.Asn1[] {
  return items
    .map((item) => ({ item, bytes: der(item) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ item }) => item);
}

/** Reads the key (RSA or elliptic curve) and certificates of a PKCS#12 file. */
export function identityFromP12(p12: Buffer, password: string): SealIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(fromDer(p12), false, password);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SealIdentityError(`cannot be opened with CERTIFICATE_SIGNING_PASSWORD (${why}). Check the password and the file.`);
  }
  const bags = (type: string) => parsed.getBags({ bagType: type })[type] ?? [];
  // forge decodes RSA keys and certificates itself and leaves others (elliptic curve) as ASN.1
  const keys = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)].map((bag) =>
    bag.key
      ? createPrivateKey(forge.pki.privateKeyToPem(bag.key))
      : createPrivateKey({ key: der(bag.asn1 as unknown as forge.asn1.Asn1), format: 'der', type: 'pkcs8' }),
  );
  if (!keys.length) throw new SealIdentityError('holds no private key (the key and its certificate are needed).');
  const certificates = bags(forge.pki.oids.certBag).map((bag) =>
    bag.cert ? der(forge.pki.certificateToAsn1(bag.cert)) : der(bag.asn1 as unknown as forge.asn1.Asn1),
  );
  const [key] = keys;
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const own = certificates.find((cert) => new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }).equals(publicKey));
  if (!own) throw new SealIdentityError('holds no certificate for its private key.');
  return { key, chain: [own, ...certificates.filter((cert) => cert !== own)], development: false };
}

const generateRsaKey = promisify(generateKeyPair);

/**
 * A key and a self-signed certificate made now, for development and tests: PDF readers show the seal as made by
 * "`commonName` (development seal)" and its issuer as unknown. The key is made off the main thread.
 */
export async function developmentIdentity(
  commonName: string,
  // valid since 2000, so certificates issued with past dates (the demo's 2012 ones) are sealed within its validity
  validity = { from: new Date('2000-01-01T00:00:00Z'), to: new Date(Date.now() + 5 * 365 * 24 * 3_600_000) },
): Promise<SealIdentity> {
  const { privateKey } = await generateRsaKey('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = validity.from;
  cert.validity.notAfter = validity.to;
  // UTF8String, so the organisation's Latvian letters survive (forge would write a PrintableString)
  const utf8 = (value: string) => ({ value, valueTagClass: T.UTF8 as unknown as forge.asn1.Class });
  const name = [
    { name: 'commonName', ...utf8(`${commonName} (development seal)`) },
    { name: 'organizationName', ...utf8(commonName) },
    { shortName: 'OU', ...utf8('Development and tests only') },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { key: privateKey, chain: [der(forge.pki.certificateToAsn1(cert))], development: true };
}

export function describeIdentity(identity: SealIdentity): SealDescription {
  const cert = new X509Certificate(identity.chain[0]);
  return {
    subject: commonName(cert.subject),
    issuer: commonName(cert.issuer),
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    fingerprint: createHash('sha256').update(identity.chain[0]).digest('hex'),
    development: identity.development,
  };
}

function commonName(distinguishedName: string): string {
  return /^CN=(.*)$/m.exec(distinguishedName)?.[1] ?? distinguishedName.replace(/\n/g, ', ');
}

/** The signed attributes and signature of a CMS SignedData over `content`, detached. */
function signedData(content: Buffer, identity: SealIdentity): Buffer {
  const [signing] = identity.chain;
  const tbs = fromDer(signing).value[0] as forge.asn1.Asn1;
  const fields = tbs.value as forge.asn1.Asn1[];
  // TBSCertificate: [0] version (when not v1), serialNumber, signature, issuer, …
  const offset = fields[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const [serial, issuer] = [fields[offset], fields[offset + 2]];
  const certHash = createHash('sha256').update(signing).digest();
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, seq(seq(seq(octets(certHash))))),
  ];
  const signedAttributes = setOf(...attributes);
  const ec = identity.key.asymmetricKeyType === 'ec';
  const signature = sign('sha256', der(signedAttributes), identity.key);
  const signerInfo = seq(
    integer(1),
    seq(issuer, serial),
    algorithm(OID.sha256),
    // the same attributes as [0] IMPLICIT
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes.value as forge.asn1.Asn1[]),
    ec ? algorithm(OID.ecdsaWithSha256, false) : algorithm(OID.rsaEncryption),
    octets(signature),
  );
  const certificates = asn1.create(
    asn1.Class.CONTEXT_SPECIFIC,
    0,
    true,
    identity.chain.map((cert) => fromDer(cert)),
  );
  const signed = seq(integer(1), setOf(algorithm(OID.sha256)), seq(oid(OID.data)), certificates, setOf(signerInfo));
  return der(seq(oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signed])));
}

class CmsSigner extends Signer {
  constructor(private readonly identity: SealIdentity) {
    super();
  }

  override sign(pdf: Buffer): Promise<Buffer> {
    return Promise.resolve(signedData(pdf, this.identity));
  }
}

/** The PDF with the seal: an invisible signature field on the first page, the CMS signature over everything else. */
export async function sealPdf(pdf: Buffer, identity: SealIdentity, details: SealDetails): Promise<Buffer> {
  const description = describeIdentity(identity);
  const chainBytes = identity.chain.reduce((sum, cert) => sum + cert.length, 0);
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: details.reason,
    location: details.location,
    name: details.name ?? description.subject,
    contactInfo: details.contactInfo ?? '',
    signingTime: details.signedAt,
    // room for the certificates, the signed attributes and a signature of a 4096-bit key, no more
    signatureLength: Math.ceil((chainBytes + 1536) / 512) * 512,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Kursors',
  });
  return new SignPdf().sign(withPlaceholder, new CmsSigner(identity), details.signedAt);
}

export type SealCheck =
  | { status: 'none' }
  | { status: 'invalid'; reason: 'changed' | 'appended' | 'malformed' }
  | { status: 'valid'; signer: string; issuer: string; fingerprint: string; certificateValidAtSigning: boolean; signedAt: Date | null };

/**
 * Checks the last seal of a PDF: the signature over the signed attributes with the certificate's key, the
 * message digest over the byte range, and that the byte range covers the whole file (nothing added after sealing).
 * Whether the certificate is trusted is the reader's decision; `fingerprint` says which one it is.
 */
export function readPdfSeal(pdf: Buffer): SealCheck {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (!ranges.length) return { status: 'none' };
  const last = ranges[ranges.length - 1];
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  if (a !== 0 || c <= b || c + d > pdf.length) return { status: 'invalid', reason: 'malformed' };
  try {
    const hex = text.slice(b + 1, c - 1);
    const cms = fromDer(Buffer.from(hex, 'hex'));
    const signed = ((cms.value[1] as forge.asn1.Asn1).value as forge.asn1.Asn1[])[0];
    const parts = signed.value as forge.asn1.Asn1[];
    const certificates = (parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0)?.value ?? []) as forge.asn1.Asn1[];
    const signerInfo = ((parts[parts.length - 1].value as forge.asn1.Asn1[])[0].value ?? []) as forge.asn1.Asn1[];
    // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] unsignedAttrs
    const at = signerInfo.findIndex((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    if (at < 0 || !signerInfo[at + 2]) return { status: 'invalid', reason: 'malformed' };
    const attributesNode = signerInfo[at];
    const signature = Buffer.from(signerInfo[at + 2].value as string, 'binary');
    const attributes = asn1.create(U, T.SET, true, attributesNode.value as forge.asn1.Asn1[]);
    const digest = (attributesNode.value as forge.asn1.Asn1[])
      .map((attr) => attr.value as forge.asn1.Asn1[])
      .find((attr) => asn1.derToOid(attr[0].value as string) === OID.messageDigest)?.[1];
    const content = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const expected = createHash('sha256').update(content).digest();
    const stated = digest ? Buffer.from(((digest.value as forge.asn1.Asn1[])[0].value as string) ?? '', 'binary') : null;
    const certs = certificates.map((cert) => new X509Certificate(der(cert)));
    const own = certs.find((cert) => verify('sha256', der(attributes), cert.publicKey, signature));
    if (!own || !stated?.equals(expected)) return { status: 'invalid', reason: 'changed' };
    if (c + d !== pdf.length) return { status: 'invalid', reason: 'appended' };
    const dictionaryEnd = text.indexOf('endobj', c);
    const signedAt = signatureTime(text.slice(text.lastIndexOf('obj', last.index), dictionaryEnd < 0 ? c + 4096 : dictionaryEnd));
    const when = signedAt ?? new Date();
    return {
      status: 'valid',
      signer: commonName(own.subject),
      issuer: commonName(own.issuer),
      fingerprint: createHash('sha256').update(own.raw).digest('hex'),
      certificateValidAtSigning: new Date(own.validFrom) <= when && when <= new Date(own.validTo),
      signedAt,
    };
  } catch {
    return { status: 'invalid', reason: 'malformed' };
  }
}

/** The /M date of the signature dictionary: D:YYYYMMDDHHmmSS with its offset. */
function signatureTime(dictionary: string): Date | null {
  const all = [...dictionary.matchAll(/\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([Z+-])?(\d{2})?'?(\d{2})?'?\)/g)];
  const m = all[all.length - 1];
  if (!m) return null;
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  return new Date(utc - sign * ((+(m[8] ?? 0) * 60 + +(m[9] ?? 0)) * 60_000));
}
