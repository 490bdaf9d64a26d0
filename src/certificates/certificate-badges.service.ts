import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import type { Download } from '../common/download';
import { Part } from '../programmes/part.entity';
import { Programme } from '../programmes/programme.entity';
import { contentDisposition } from '../storage/file-names';
import { CertificateAccess } from './certificate-access.service';
import { CertificateBadge } from './certificate-badge.entity';
import type { CertificateDocument } from './certificate-document';
import { certificateFileName, CertificateDocuments } from './certificate-documents';
import { CertificateRecords } from './certificate-records.service';
import { CertificateTemplate } from './certificate-template.entity';
import type { Certificate } from './certificate.entity';
import type { BadgeDetails, SignedOpenBadge } from './open-badge';
import { OpenBadgeService } from './open-badge.service';

/** The media type of a credential secured with an embedded proof, as Open Badges 3.0 serves it. */
export const BADGE_MEDIA_TYPE = 'application/vc+ld+json';

/** What a certificate's badge says beside its document: when, what was achieved, and whose (the email hashed). */
function badgeDetails(certificate: Certificate, holderEmail: string): Omit<BadgeDetails, 'issuerUrl'> {
  return {
    issuedAt: certificate.issuedAt,
    // the same for everyone who completed the part (or the programme)
    achievementId: `urn:uuid:${certificate.partId ?? certificate.programmeId}`,
    holderEmail,
  };
}

const serialize = (badge: SignedOpenBadge) => `${JSON.stringify(badge, null, 2)}\n`;

/**
 * Certificates as Open Badges 3.0 credentials. A certificate's badge is signed and stored in the transaction that
 * issues it, and downloaded as stored, byte for byte, by its holder and administrators. A certificate issued before
 * badges were offered gets its badge, made from the certificate as issued, at its first download; a stored badge
 * whose key the platform no longer holds is signed again with the current one. Either way it is kept, so later
 * downloads give the same bytes again.
 */
@Injectable()
export class CertificateBadges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CertificateAccess,
    private readonly documents: CertificateDocuments,
    private readonly records: CertificateRecords,
    private readonly badges: OpenBadgeService,
  ) {}

  /** Whether certificates are offered as badges (always but in production without CERTIFICATE_BADGE_KEY). */
  get available(): boolean {
    return this.badges.available;
  }

  /**
   * Signs and stores new certificates' badges in the transaction that issues them, with one statement; nothing when
   * badges are not offered.
   */
  async record(
    manager: EntityManager,
    issued: { certificate: Certificate; document: CertificateDocument; holderEmail: string }[],
  ): Promise<void> {
    if (!this.badges.available || !issued.length) return;
    await manager.getRepository(CertificateBadge).insert(
      issued.map(({ certificate, document, holderEmail }) => {
        const badge = this.badges.issue(document, badgeDetails(certificate, holderEmail));
        return { certificateId: certificate.id, credential: serialize(badge), verificationMethod: badge.proof.verificationMethod };
      }),
    );
  }

  /** The certificate's badge, for its holder or an administrator, named by its serial like the PDF. */
  async open(actor: Actor, id: string): Promise<Download & { content: Buffer }> {
    const certificate = await this.access.getVisible(actor, id);
    return {
      content: Buffer.from(await this.credential(certificate), 'utf8'),
      type: BADGE_MEDIA_TYPE,
      disposition: contentDisposition(certificateFileName(certificate.serial, 'json')),
      headers: {
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store, no-transform',
      },
    };
  }

  /** The stored badge's text; made (or signed again) and stored when there is none this platform can vouch for. */
  private async credential(certificate: Certificate & { user: { email: string } }): Promise<string> {
    const repo = this.dataSource.getRepository(CertificateBadge);
    const stored = await repo.findOneBy({ certificateId: certificate.id });
    if (stored && this.badges.holds(stored.verificationMethod)) return stored.credential;
    const badge = stored
      ? this.badges.resign(JSON.parse(stored.credential) as SignedOpenBadge)
      : this.badges.issue(await this.documentAsIssued(certificate), badgeDetails(certificate, certificate.user.email));
    const credential = serialize(badge);
    // Signing is deterministic: two first downloads at once make the same text, and either may write it.
    await repo.upsert({ certificateId: certificate.id, credential, verificationMethod: badge.proof.verificationMethod }, ['certificateId']);
    return credential;
  }

  /** The document of a certificate issued earlier: what the certificate states, the rest from its template. */
  private async documentAsIssued(certificate: Certificate): Promise<CertificateDocument> {
    const manager = this.dataSource.manager;
    const [template, programme, part, period] = await Promise.all([
      manager.getRepository(CertificateTemplate).findOneByOrFail({ programmeId: certificate.programmeId }),
      manager.getRepository(Programme).findOneByOrFail({ id: certificate.programmeId }),
      certificate.partId ? manager.getRepository(Part).findOneByOrFail({ id: certificate.partId }) : null,
      this.records.periodOf(manager, certificate.enrolmentIds),
    ]);
    const facts = {
      lang: certificate.language,
      template,
      programme,
      part,
      academicHours: certificate.academicHours,
      holderName: certificate.holderName,
      ...period,
      issuedAt: certificate.issuedAt,
      logos: [],
    };
    const document = this.documents.build(facts, certificate.serial, certificate.verificationCode);
    return { ...document, programmeTitle: certificate.programmeTitle, partTitle: certificate.partTitle, issuer: certificate.issuerName };
  }
}
