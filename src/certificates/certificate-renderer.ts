import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { extname, join } from 'node:path';
import { ThreadPool, ThreadTaskError } from '../common/thread-pool';
import { AppConfig } from '../config/app-config';
import type { CertificateDocument } from './certificate-document';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateLogoError } from './certificate-pdf.errors';
import type { RenderTask, RenderThreadData } from './certificate-render-thread';
import type { SealDetails } from './pdf-seal';
import { PdfSealService } from './pdf-seal.service';

const THREAD_ENTRY = join(__dirname, `certificate-render-thread${extname(__filename)}`);

/**
 * A certificate's PDF as it is stored: drawn, then sealed when a seal is configured. Drawing is CPU work (about
 * 12 ms a PDF), so it runs on CERTIFICATE_RENDER_THREADS worker threads (started at the first PDF), where a batch's
 * PDFs are drawn side by side and the event loop stays free for the database; 0 draws on the event loop.
 */
@Injectable()
export class CertificateRenderer implements OnApplicationShutdown {
  private readonly threads: number;
  private pool: Promise<ThreadPool<RenderTask, Uint8Array>> | undefined;

  constructor(
    private readonly seal: PdfSealService,
    config: AppConfig,
  ) {
    this.threads = config.env.CERTIFICATE_RENDER_THREADS;
  }

  async render(document: CertificateDocument, signedAt: Date): Promise<Buffer> {
    const details: SealDetails = { signedAt, reason: `${document.title} ${document.serial}`, location: document.place };
    if (!this.threads) return this.seal.seal(await renderCertificatePdf(document), details);
    this.pool ??= this.seal
      .identity()
      .then((identity) => new ThreadPool(THREAD_ENTRY, this.threads, { identity } satisfies RenderThreadData));
    try {
      const pdf = await (await this.pool).run({ document, seal: details });
      return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (error) {
      const logoNumber = error instanceof ThreadTaskError ? error.thrown.detail?.logoNumber : undefined;
      throw typeof logoNumber === 'number' ? new CertificateLogoError(logoNumber) : error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await (await this.pool)?.close();
  }
}
