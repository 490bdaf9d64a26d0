import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { ValidationFailedError } from '../common/errors';
import { DigestLimitExceededError, digestUpload } from '../storage/upload-digest';
import type { IncomingUpload } from '../storage/upload';
import { formatFileSize } from '../storage/file-size';
import { CertificateRecords, type VerifiedCertificate } from './certificate-records.service';
import { normalizeCode } from './verification-code';
import { VerificationRateLimiter } from './verification-rate-limiter';

export const VERIFY_FILE_FIELD = 'file';
/** A certificate is well under 100 KB, sealed or not; a larger file cannot be one. */
export const VERIFY_FILE_MAX_BYTES = 1024 * 1024;

export type CodeCheck = { kind: 'badCode' } | { kind: 'notFound'; code: string } | { kind: 'found'; certificate: VerifiedCertificate };

export type FileCheck = { kind: 'unknown'; sha256: string } | { kind: 'found'; sha256: string; certificate: VerifiedCertificate };

/**
 * The public checks of a certificate: by its verification code, and of a PDF someone holds, by its SHA-256
 * (an unaltered original matches the hash stored when it was issued). Each check counts against the caller's
 * address; only what the certificate itself states comes back.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly records: CertificateRecords,
    private readonly limiter: VerificationRateLimiter,
  ) {}

  /** The check is counted and the certificate read at the same time: a refused check's read is simply not shown. */
  async byCode(actor: Actor, input: string): Promise<CodeCheck> {
    const code = normalizeCode(input);
    const [, certificate] = await Promise.all([this.limiter.acquire(actor.ip), code ? this.records.verifyCode(code) : null]);
    if (!code) return { kind: 'badCode' };
    return certificate ? { kind: 'found', certificate } : { kind: 'notFound', code };
  }

  async byFile(actor: Actor, upload: IncomingUpload): Promise<FileCheck> {
    await this.limiter.acquire(actor.ip);
    let file;
    try {
      ({ file } = await digestUpload(upload, VERIFY_FILE_FIELD, VERIFY_FILE_MAX_BYTES));
    } catch (error) {
      if (!(error instanceof DigestLimitExceededError)) throw error;
      throw ValidationFailedError.field(VERIFY_FILE_FIELD, 'certificate.fileTooLarge', {
        size: formatFileSize(VERIFY_FILE_MAX_BYTES, actor.language),
      });
    }
    if (!file) throw ValidationFailedError.field(VERIFY_FILE_FIELD, 'certificate.fileRequired');
    if (!file.head.toString('latin1').startsWith('%PDF-')) throw ValidationFailedError.field(VERIFY_FILE_FIELD, 'certificate.notPdf');
    const certificate = await this.records.verifyHash(file.sha256);
    return certificate ? { kind: 'found', sha256: file.sha256, certificate } : { kind: 'unknown', sha256: file.sha256 };
  }
}
