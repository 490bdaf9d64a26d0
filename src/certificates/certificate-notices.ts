import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { formatDate } from '../i18n/dates';
import { I18nService } from '../i18n/i18n.service';
import { OutboxService, type EmailRequest } from '../notifications/outbox.service';
import type { User } from '../users/user.entity';
import { verificationPath } from './certificate-documents';
import type { Certificate } from './certificate.entity';
import { OpenBadgeService } from './open-badge.service';

/**
 * The emails a holder gets about their certificate, written to the outbox in the caller's transaction: a link
 * to their certificates page (no attachment) and the public verification link. One email per event.
 */
@Injectable()
export class CertificateNotices {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly i18n: I18nService,
    private readonly badges: OpenBadgeService,
  ) {}

  async issued(manager: EntityManager, certificate: Certificate, holder: User): Promise<void> {
    await this.issuedMany(manager, [{ certificate, holder }]);
  }

  /**
   * One email to each holder of a batch of new certificates, written with a few statements: where the certificate
   * is, and that it also comes as an Open Badge where badges are offered.
   */
  async issuedMany(manager: EntityManager, issued: { certificate: Certificate; holder: User }[]): Promise<void> {
    await this.outbox.enqueueMany(
      manager,
      issued.map(({ certificate, holder }) => this.request('certificate-issued', certificate, holder, { badge: this.badges.available })),
    );
  }

  async revoked(manager: EntityManager, certificate: Certificate, holder: User): Promise<void> {
    await this.send(manager, 'certificate-revoked', certificate, holder, {
      reason: this.i18n.t(holder.language, `certificates.reasons.${certificate.revocationReason}`),
      note: certificate.revocationNote,
      revokedOn: formatDate(certificate.revokedAt!, holder.language),
    });
  }

  private async send(manager: EntityManager, template: string, certificate: Certificate, holder: User, extra: Record<string, unknown>) {
    await this.outbox.enqueue(manager, this.request(template, certificate, holder, extra));
  }

  private request(template: string, certificate: Certificate, holder: User, extra: Record<string, unknown>): EmailRequest {
    return {
      to: { email: holder.email, id: holder.id, language: holder.language },
      template,
      category: 'update',
      dedupKey: `${template}:${certificate.id}`,
      data: {
        name: holder.name,
        serial: certificate.serial,
        title: certificate.partTitle ?? certificate.programmeTitle,
        link: this.config.publicUrl('/my/certificates'),
        verifyLink: this.config.publicUrl(verificationPath(certificate.verificationCode)),
        ...extra,
      },
    };
  }
}
