import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { ValidationFailedError } from '../common/errors';
import { DigestLimitExceededError, digestUpload } from '../storage/upload-digest';
import type { IncomingUpload } from '../storage/upload';
import { formatFileSize } from '../storage/file-size';
import { readUploadContent } from '../storage/upload-content';
import { CertificateRecords, type VerifiedCertificate } from './certificate-records.service';
import { OpenBadgeService } from './open-badge.service';
import { normalizeCode } from './verification-code';
import { VerificationRateLimiter } from './verification-rate-limiter';

export const VERIFY_FILE_FIELD = 'file';
/** A certificate is well under 100 KB, sealed or not; a larger file cannot be one. */
export const VERIFY_FILE_MAX_BYTES = 1024 * 1024;

/** A badge is checked from its file or from its text pasted into the form; the API takes it as the JSON body. */
export const BADGE_FILE_FIELD = 'badgeFile';
export const BADGE_TEXT_FIELD = 'badgeText';
export const BADGE_API_FIELD = 'badge';
/** A badge issued here is a few kilobytes; anything much larger is not one. */
export const BADGE_MAX_BYTES = 256 * 1024;

export type CodeCheck = { kind: 'badCode' } | { kind: 'notFound'; code: string } | { kind: 'found'; certificate: VerifiedCertificate };

export type FileCheck = { kind: 'unknown'; sha256: string } | { kind: 'found'; sha256: string; certificate: VerifiedCertificate };

export const BADGE_RESULTS = ['valid', 'revoked', 'replaced', 'signature-invalid', 'not-issued-here'] as const;
export const BADGE_NOT_HERE_REASONS = ['other-issuer', 'unknown-key', 'unknown-certificate'] as const;

/** What a badge check found: the certificate's status when its signature holds, else what is wrong with it. */
export interface BadgeCheckResult {
  result: (typeof BADGE_RESULTS)[number];
  /** Why a badge is not one issued here: another issuer's, a key this platform does not hold, or no such certificate. */
  reason: (typeof BADGE_NOT_HERE_REASONS)[number] | null;
  /** The verification code the badge names (in its id), as printed; null when it names none. */
  verificationCode: string | null;
  /** The certificate, only when the badge's signature holds. */
  certificate: VerifiedCertificate | null;
  /** Whether badges here are signed with a development key made at start-up. */
  developmentKey: boolean;
}

/**
 * The public checks of a certificate: by its verification code, of a PDF someone holds, by its SHA-256 (an
 * unaltered original matches the hash stored when it was issued), and of an Open Badge, by its signature and then
 * the certificate it names. Each check counts against the caller's address; only what the certificate itself
 * states comes back.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly records: CertificateRecords,
    private readonly limiter: VerificationRateLimiter,
    private readonly badges: OpenBadgeService,
  ) {}

  /** Whether the page offers the badge check (always but in production without CERTIFICATE_BADGE_KEY). */
  get badgesOffered(): boolean {
    return this.badges.available;
  }

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

  /** A badge from the page's form: its file, or else the text pasted beside it. */
  async byBadgeUpload(actor: Actor, upload: IncomingUpload): Promise<BadgeCheckResult> {
    await this.limiter.acquire(actor.ip);
    const { fields, file, tooLarge } = await readUploadContent(upload, {
      fileField: BADGE_FILE_FIELD,
      maxBytes: BADGE_MAX_BYTES,
      maxFields: 5,
      maxFieldBytes: BADGE_MAX_BYTES,
    });
    if (tooLarge) {
      throw ValidationFailedError.field(BADGE_FILE_FIELD, 'certificate.fileTooLarge', {
        size: formatFileSize(BADGE_MAX_BYTES, actor.language),
      });
    }
    const [field, text] = file ? [BADGE_FILE_FIELD, file.content.toString('utf8')] : [BADGE_TEXT_FIELD, fields[BADGE_TEXT_FIELD] ?? ''];
    if (!text.trim()) throw ValidationFailedError.field(BADGE_FILE_FIELD, 'certificate.badgeRequired');
    let badge: unknown;
    try {
      badge = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw ValidationFailedError.field(field, 'certificate.badgeNotJson');
    }
    return this.checkBadge(field, badge);
  }

  /** A badge sent to the API as its JSON body. */
  async byBadge(actor: Actor, badge: unknown): Promise<BadgeCheckResult> {
    await this.limiter.acquire(actor.ip);
    if (JSON.stringify(badge ?? null).length > BADGE_MAX_BYTES) {
      throw ValidationFailedError.field(BADGE_API_FIELD, 'certificate.fileTooLarge', {
        size: formatFileSize(BADGE_MAX_BYTES, actor.language),
      });
    }
    return this.checkBadge(BADGE_API_FIELD, badge);
  }

  private async checkBadge(field: string, badge: unknown): Promise<BadgeCheckResult> {
    if (!badge || typeof badge !== 'object' || Array.isArray(badge)) throw ValidationFailedError.field(field, 'certificate.notBadge');
    const check = this.badges.verify(badge);
    const found = { verificationCode: check.verificationCode, developmentKey: this.badges.development };
    const none = { ...found, reason: null, certificate: null };
    if (!check.valid) {
      switch (check.reason) {
        case 'not-an-open-badge':
          throw ValidationFailedError.field(field, 'certificate.notBadge');
        case 'other-issuer':
        case 'unknown-key':
          return { ...none, result: 'not-issued-here', reason: check.reason };
        default:
          // no proof, or one that does not match the badge: it was changed after it was signed
          return { ...none, result: 'signature-invalid' };
      }
    }
    const code = normalizeCode(check.verificationCode);
    const certificate = code ? await this.records.verifyCode(code) : null;
    if (!certificate) return { ...none, result: 'not-issued-here', reason: 'unknown-certificate' };
    return { ...found, result: certificate.status, reason: null, certificate };
  }
}
