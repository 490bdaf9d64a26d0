import { Module } from '@nestjs/common';
import { OpenBadgeService } from './open-badge.service';
import { PdfSealService } from './pdf-seal.service';

/**
 * The keys that vouch for certificates: the PDF seal and the Open Badges key. Web and worker modules that issue or verify certificates
 * import it; each process reads the configured keys once (or makes development ones at start-up).
 */
@Module({ providers: [PdfSealService, OpenBadgeService], exports: [PdfSealService, OpenBadgeService] })
export class CertificateSigningModule {}
