import { CertificateLogoError } from '../src/certificates/certificate-pdf.errors';
import { CertificateRenderer } from '../src/certificates/certificate-renderer';
import { readPdfSeal } from '../src/certificates/pdf-seal';
import { PdfSealService } from '../src/certificates/pdf-seal.service';
import { AppConfig } from '../src/config/app-config';
import { parseEnv } from '../src/config/env.schema';
import { certificateDocument } from './support/certificate-documents';
import { pdfText } from './support/pdf-tools';

const SIGNED_AT = new Date('2012-06-20T09:00:00Z');

/**
 * A renderer as the platform makes it, drawing on `threads` worker threads (0: on the event loop); it seals with a
 * development key, or not at all in production.
 */
function renderer(threads: number, env: NodeJS.ProcessEnv = {}): { renderer: CertificateRenderer; seal: PdfSealService } {
  const config = new AppConfig(parseEnv({ SESSION_SECRET: 'x'.repeat(40), CERTIFICATE_RENDER_THREADS: String(threads), ...env }));
  const seal = new PdfSealService(config);
  return { renderer: new CertificateRenderer(seal, config), seal };
}

describe('the certificate renderer on worker threads', () => {
  const started: CertificateRenderer[] = [];
  const make = (threads: number, env?: NodeJS.ProcessEnv) => {
    const made = renderer(threads, env);
    started.push(made.renderer);
    return made.renderer;
  };
  afterAll(async () => {
    for (const made of started) await made.onApplicationShutdown();
  });

  it('draws byte for byte the PDF the event loop draws, for many documents at once', async () => {
    const documents = ['Ērika Šķēle', 'Ģirts Žūriņš', 'Ņina Ļaudaviņa', 'Čaba Ūdre'].map((holderName, i) =>
      certificateDocument({ holderName, serial: `DPD-2012/000${i + 1}` }),
    );
    const production = { NODE_ENV: 'production' };
    const [threads, loop] = [make(2, production), make(0, production)];
    const onThreads = await Promise.all(documents.map((doc) => threads.render(doc, SIGNED_AT)));
    const onLoop = await Promise.all(documents.map((doc) => loop.render(doc, SIGNED_AT)));
    expect(onThreads.map((pdf) => pdf.toString('base64'))).toEqual(onLoop.map((pdf) => pdf.toString('base64')));
    expect(pdfText(onThreads[2])).toContain('Ņina Ļaudaviņa');
  }, 60_000);

  it('seals on the threads with the key of the process', async () => {
    const made = renderer(1);
    started.push(made.renderer);
    const seal = readPdfSeal(await made.renderer.render(certificateDocument(), SIGNED_AT));
    expect(seal).toMatchObject({ status: 'valid', signedAt: SIGNED_AT });
    expect(seal.status === 'valid' && seal.fingerprint).toBe((await made.seal.description())?.fingerprint);
  }, 60_000);

  it('refuses a logo that is not a picture with the same error, naming which one', async () => {
    const doc = certificateDocument({ logos: [certificateDocument().logos[0], Buffer.from('not a picture')] });
    const refusal = make(2).render(doc, SIGNED_AT);
    await expect(refusal).rejects.toBeInstanceOf(CertificateLogoError);
    await expect(refusal).rejects.toMatchObject({ logoNumber: 2 });
  }, 60_000);
});
