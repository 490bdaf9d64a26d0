import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCertificatePdf } from '../src/certificates/certificate-pdf';
import { developmentIdentity, readPdfSeal, type SealIdentity, sealPdf } from '../src/certificates/pdf-seal';
import { PdfSealService } from '../src/certificates/pdf-seal.service';
import { loadSealIdentity } from '../src/certificates/signing-settings';
import { AppConfig } from '../src/config/app-config';
import { InvalidEnvironmentError, parseEnv } from '../src/config/env.schema';
import { certificateDocument } from './support/certificate-documents';
import { pdfInfo, pdfQrCodes, pdfSignatures, pdfText } from './support/pdf-tools';
import { p12File } from './support/seal-files';

const details = { signedAt: new Date('2012-07-02T09:00:00Z'), reason: 'Apliecība Nr. DPD-2012/0001', location: 'Daugavpils' };

/** OpenSSL's own check of a detached CMS signature over the signed byte ranges. */
function opensslVerifies(sealed: Buffer): boolean {
  const text = sealed.toString('latin1');
  const [a, b, c, d] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text)!.slice(1).map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'kursors-cms-'));
  writeFileSync(join(dir, 'content'), Buffer.concat([sealed.subarray(a, a + b), sealed.subarray(c, c + d)]));
  writeFileSync(join(dir, 'signature.der'), Buffer.from(text.slice(b + 1, c - 1).replace(/(00)+$/, ''), 'hex'));
  try {
    execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, 'signature.der'),
        '-content',
        join(dir, 'content'),
        '-noverify',
        '-out',
        '/dev/null',
      ],
      { stdio: 'pipe' },
    );
    return true;
  } catch {
    return false;
  }
}

describe('the digital seal of a PDF', () => {
  let identity: SealIdentity;
  let pdf: Buffer;
  let sealed: Buffer;

  beforeAll(async () => {
    identity = await developmentIdentity('Daugavpils pilsētas dome');
    pdf = await renderCertificatePdf(certificateDocument());
    sealed = await sealPdf(pdf, identity, details);
  });

  it('is a PAdES signature over the whole file that PDF readers and OpenSSL accept', () => {
    const report = pdfSignatures(sealed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: Daugavpils pilsētas dome (development seal)');
    expect(report).toContain('Signing Time: Jul 02 2012 09:00:00');
    expect(opensslVerifies(sealed)).toBe(true);
    expect(readPdfSeal(sealed)).toMatchObject({
      status: 'valid',
      signer: 'Daugavpils pilsētas dome (development seal)',
      signedAt: details.signedAt,
      certificateValidAtSigning: true,
    });
  });

  it('leaves the certificate readable, its QR code scannable and under 100 KB', () => {
    expect(pdfText(sealed)).toContain('Ģirts Žūriņš-Ķēniņš');
    expect(pdfQrCodes(sealed)).toEqual(['https://kursors.example.lv/verify/K7QX-M2PA-9FJD-W4RT']);
    expect(pdfInfo(sealed).Title).toBe('Apliecība Nr. DPD-2012/0001: Ģirts Žūriņš-Ķēniņš');
    expect(sealed.length).toBeLessThan(100 * 1024);
  });

  it('breaks when one byte of the document changes, or when anything is added after sealing', () => {
    // one bit of the author's name in the document information
    const tampered = Buffer.from(sealed);
    tampered[sealed.indexOf('/Author') + 12] ^= 0x01;
    expect(readPdfSeal(tampered)).toEqual({ status: 'invalid', reason: 'changed' });
    expect(pdfSignatures(tampered)).not.toContain('Signature is Valid.');
    expect(opensslVerifies(tampered)).toBe(false);

    const appended = Buffer.concat([sealed, Buffer.from('\n1 0 obj (added later) endobj\n')]);
    expect(readPdfSeal(appended)).toEqual({ status: 'invalid', reason: 'appended' });
    expect(readPdfSeal(pdf)).toEqual({ status: 'none' });
  });

  it('gives the same bytes when the same PDF is sealed again at the same time', async () => {
    expect((await sealPdf(pdf, identity, details)).equals(sealed)).toBe(true);
  });

  it('seals with a configured PKCS#12 file and its password', async () => {
    const file = p12File(await developmentIdentity('Valsts administrācijas skola'), 'slepens-ā');
    const configured = loadSealIdentity({ CERTIFICATE_SIGNING_P12: file, CERTIFICATE_SIGNING_PASSWORD: 'slepens-ā' });
    expect(configured).not.toBeNull();
    const result = readPdfSeal(await sealPdf(pdf, configured!, details));
    expect(result).toMatchObject({ status: 'valid', signer: 'Valsts administrācijas skola (development seal)' });
  });

  it('refuses an unreadable file, a wrong password or an expired certificate, naming the setting', async () => {
    const file = p12File(identity, 'right');
    const load = (env: { CERTIFICATE_SIGNING_P12?: string; CERTIFICATE_SIGNING_PASSWORD?: string }) => () => loadSealIdentity(env);
    expect(load({ CERTIFICATE_SIGNING_P12: '/nonexistent/seal.p12', CERTIFICATE_SIGNING_PASSWORD: 'x' })).toThrow(
      /CERTIFICATE_SIGNING_P12: cannot read \/nonexistent\/seal\.p12 \(ENOENT\)/,
    );
    expect(load({ CERTIFICATE_SIGNING_P12: file, CERTIFICATE_SIGNING_PASSWORD: 'wrong' })).toThrow(InvalidEnvironmentError);
    expect(load({ CERTIFICATE_SIGNING_P12: file, CERTIFICATE_SIGNING_PASSWORD: 'wrong' })).toThrow(
      /cannot be opened with CERTIFICATE_SIGNING_PASSWORD/,
    );
    const notP12 = join(mkdtempSync(join(tmpdir(), 'kursors-seal-')), 'seal.p12');
    writeFileSync(notP12, 'not a PKCS#12 file');
    expect(load({ CERTIFICATE_SIGNING_P12: notP12, CERTIFICATE_SIGNING_PASSWORD: '' })).toThrow(
      /CERTIFICATE_SIGNING_P12: .*cannot be opened/,
    );

    const expired = await developmentIdentity('Old Seal', { from: new Date('2010-01-01Z'), to: new Date('2015-01-01Z') });
    expect(load({ CERTIFICATE_SIGNING_P12: p12File(expired, 'x'), CERTIFICATE_SIGNING_PASSWORD: 'x' })).toThrow(
      /certificate of Old Seal \(development seal\) expired on 2015-01-01/,
    );
  });

  it('needs the password and the file together', () => {
    expect(() => parseEnv({ CERTIFICATE_SIGNING_P12: '/etc/seal.p12' })).toThrow(
      /CERTIFICATE_SIGNING_PASSWORD: must be set with CERTIFICATE_SIGNING_P12/,
    );
    expect(() => parseEnv({ CERTIFICATE_SIGNING_PASSWORD: 'x' })).toThrow(
      /CERTIFICATE_SIGNING_P12: must be set with CERTIFICATE_SIGNING_PASSWORD/,
    );
    expect(parseEnv({ CERTIFICATE_SIGNING_P12: '/etc/seal.p12', CERTIFICATE_SIGNING_PASSWORD: '' }).CERTIFICATE_SIGNING_PASSWORD).toBe('');
  });

  describe('as a service', () => {
    const service = (env: NodeJS.ProcessEnv) => new PdfSealService(new AppConfig(parseEnv({ SESSION_SECRET: 'x'.repeat(40), ...env })));

    it('seals with the configured file', async () => {
      const file = p12File(identity, 'pw');
      const seal = service({ NODE_ENV: 'production', CERTIFICATE_SIGNING_P12: file, CERTIFICATE_SIGNING_PASSWORD: 'pw' });
      expect(await seal.description()).toMatchObject({ development: false, subject: 'Daugavpils pilsētas dome (development seal)' });
      expect(readPdfSeal(await seal.seal(pdf, details)).status).toBe('valid');
    });

    it('seals with a key made at start-up in development and tests, and says so', async () => {
      const seal = service({ NODE_ENV: 'test' });
      expect(await seal.description()).toMatchObject({ development: true, subject: 'Kursors (development seal)' });
      expect(readPdfSeal(await seal.seal(pdf, details))).toMatchObject({ status: 'valid', signer: 'Kursors (development seal)' });
    });

    it('does not seal in production without a configured file', async () => {
      const seal = service({ NODE_ENV: 'production' });
      expect(await seal.description()).toBeNull();
      expect((await seal.seal(pdf, details)).equals(pdf)).toBe(true);
    });
  });
});
