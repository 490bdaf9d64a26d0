import { workerData } from 'node:worker_threads';
import { serveThreadTasks } from '../common/thread-pool';
import type { CertificateDocument } from './certificate-document';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateLogoError } from './certificate-pdf.errors';
import { sealPdf, type SealDetails, type SealIdentity } from './pdf-seal';

/** One certificate for a render thread: its document, and the seal's details when PDFs are sealed. */
export interface RenderTask {
  document: CertificateDocument;
  seal: SealDetails | null;
}

/** What the render threads are started with: the seal's key and chain, or null when PDFs are not sealed. */
export interface RenderThreadData {
  identity: SealIdentity | null;
}

const { identity } = workerData as RenderThreadData;

// Buffers arrive as plain Uint8Arrays: pdfkit wants Buffers.
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

serveThreadTasks<RenderTask, Uint8Array>(
  async ({ document, seal }) => {
    const pdf = await renderCertificatePdf({ ...document, logos: document.logos.map(asBuffer) });
    return identity && seal ? sealPdf(pdf, { ...identity, chain: identity.chain.map(asBuffer) }, seal) : pdf;
  },
  (error) => (error instanceof CertificateLogoError ? { logoNumber: error.logoNumber } : undefined),
);
