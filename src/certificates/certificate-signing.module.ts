import { Module } from '@nestjs/common';
import { PdfSealService } from './pdf-seal.service';

/**
 * The keys that vouch for certificates: the PDF seal. Web and worker modules that issue or verify certificates
 * import it; each process reads the configured keys once (or makes development ones at start-up).
 */
@Module({ providers: [PdfSealService], exports: [PdfSealService] })
export class CertificateSigningModule {}
