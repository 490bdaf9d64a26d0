import { Injectable } from '@nestjs/common';
import type { CertificateDocument } from './certificate-document';
import { renderCertificatePdf } from './certificate-pdf';
import { PdfSealService } from './pdf-seal.service';

/** A certificate's PDF as it is stored: drawn, then sealed when a seal is configured. */
@Injectable()
export class CertificateRenderer {
  constructor(private readonly seal: PdfSealService) {}

  async render(document: CertificateDocument, signedAt: Date): Promise<Buffer> {
    return this.seal.seal(await renderCertificatePdf(document), {
      signedAt,
      reason: `${document.title} ${document.serial}`,
      location: document.place,
    });
  }
}
