import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { describeIdentity, developmentIdentity, type SealDescription, type SealDetails, type SealIdentity, sealPdf } from './pdf-seal';
import { loadSealIdentity } from './signing-settings';

/**
 * Seals certificate PDFs with the configured PKCS#12 certificate (CERTIFICATE_SIGNING_P12). Without one,
 * development and tests seal with a key and self-signed certificate made at start-up, and say so in the log and
 * in `description()`; production seals nothing and logs that once.
 */
@Injectable()
export class PdfSealService {
  private readonly logger = new Logger(PdfSealService.name);
  private readonly sealIdentity: Promise<SealIdentity | null>;

  constructor(config: AppConfig) {
    const configured = loadSealIdentity(config.env);
    if (configured) {
      const { subject, issuer, validTo } = describeIdentity(configured);
      this.logger.log(`Certificate PDFs are sealed by ${subject} (issued by ${issuer}, valid until ${validTo.toISOString().slice(0, 10)})`);
      this.sealIdentity = Promise.resolve(configured);
    } else if (config.isProduction) {
      this.logger.warn('CERTIFICATE_SIGNING_P12 is not set: certificate PDFs are not sealed');
      this.sealIdentity = Promise.resolve(null);
    } else {
      this.sealIdentity = developmentIdentity(config.sender.name).then((identity) => {
        const { subject, fingerprint } = describeIdentity(identity);
        this.logger.warn(
          `DEVELOPMENT SEAL: certificate PDFs are sealed by "${subject}", a key and self-signed certificate made at start-up ` +
            `(SHA-256 ${fingerprint.slice(0, 16)}…); set CERTIFICATE_SIGNING_P12 for real certificates`,
        );
        return identity;
      });
    }
  }

  /** The PDF sealed, or unchanged when no seal is configured (production without CERTIFICATE_SIGNING_P12). */
  async seal(pdf: Buffer, details: SealDetails): Promise<Buffer> {
    const identity = await this.sealIdentity;
    return identity ? sealPdf(pdf, identity, details) : pdf;
  }

  /** The key and chain PDFs are sealed with (handed to the render threads), or null when they are not sealed. */
  identity(): Promise<SealIdentity | null> {
    return this.sealIdentity;
  }

  /** Who seals (and whether it is the development seal), or null when PDFs are not sealed. */
  async description(): Promise<SealDescription | null> {
    const identity = await this.sealIdentity;
    return identity ? describeIdentity(identity) : null;
  }
}
