import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import type { SealIdentity } from '../../src/certificates/pdf-seal';

/** The identity as a PKCS#12 file (3DES, as e-seal providers hand them out) in a temporary directory. */
export function p12File(identity: SealIdentity, password: string): string {
  const key = forge.pki.privateKeyFromPem(identity.key.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certs = identity.chain.map((der) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))));
  const p12 = forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: '3des' });
  const file = join(mkdtempSync(join(tmpdir(), 'kursors-seal-')), 'seal.p12');
  writeFileSync(file, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  return file;
}
