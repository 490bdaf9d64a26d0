import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { rigaParts } from '../i18n/dates';
import { Part } from '../programmes/part.entity';
import { Programme } from '../programmes/programme.entity';
import type { FilePolicy } from '../storage/file-policy';
import { StorageService } from '../storage/storage.service';
import { User } from '../users/user.entity';
import { CertificateAccess } from './certificate-access.service';
import { CertificateBadges } from './certificate-badges.service';
import { certificateFileName, CertificateDocuments, type DocumentFacts } from './certificate-documents';
import { CertificateNotices } from './certificate-notices';
import { renderCertificatePdf } from './certificate-pdf';
import { PdfSealService } from './pdf-seal.service';
import { CertificateRecords } from './certificate-records.service';
import { CertificateTemplate } from './certificate-template.entity';
import { Certificate, CERTIFICATE_FILE_PREFIX } from './certificate.entity';
import {
  CertificateNotValidError,
  EnrolmentNotFoundError,
  NoTemplateError,
  NotCompletedError,
  SerialTakenError,
} from './certificates.errors';
import type { ReissueInput, RevokeInput } from './certificates.schemas';
import { formatSerial } from './serial-format';
import { newVerificationCode } from './verification-code';

/** A certificate of one completed enrolment (its part), or of the whole programme for one person. */
export type IssueTarget = { enrolmentId: string } | { programmeId: string; userId: string };

export interface IssueOutcome {
  certificate: Certificate;
  /** False when the person already held a valid certificate for it, which is returned instead. */
  created: boolean;
}

/** What a certificate certifies, worked out from completion before anything is written. */
interface Plan {
  userId: string;
  programmeId: string;
  partId: string | null;
  enrolmentIds: string[];
  startsOn: string;
  endsOn: string;
}

const PDF_POLICY: FilePolicy = { keyPrefix: CERTIFICATE_FILE_PREFIX, allowed: ['pdf'], maxBytes: 5 * 1024 * 1024 };

const isUniqueViolation = (error: unknown, constraint: string) =>
  error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === constraint;

const SERIAL_CONSTRAINT = 'UQ_87af1f436e42688acef033da093';

/**
 * Issuing, revoking and reissuing certificates. Each is one unit of work: the holder's row is locked first, so
 * issues for one person take turns (and a second finds the first's certificate); the serial is taken from the
 * programme's counter for the year in the same transaction, the PDF made, sealed and stored once with its SHA-256,
 * its Open Badge signed and stored, the change audited and the holder emailed when it commits. A background job
 * calls `issue` with the system actor, once per enrolment, as often as it likes.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CertificateRecords,
    private readonly access: CertificateAccess,
    private readonly documents: CertificateDocuments,
    private readonly notices: CertificateNotices,
    private readonly storage: StorageService,
    private readonly seal: PdfSealService,
    private readonly badges: CertificateBadges,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Issues the certificate, or returns the valid one the person already holds for the same part (or programme). */
  async issue(actor: Actor, target: IssueTarget): Promise<IssueOutcome> {
    this.access.assertCanIssue(actor);
    return unitOfWork(this.dataSource, async (manager) => {
      const plan = 'enrolmentId' in target ? await this.partPlan(manager, target.enrolmentId) : await this.programmePlan(manager, target);
      const holder = await this.lockHolder(manager, plan.userId);
      const held = await this.validHeld(manager, plan);
      if (held) return { certificate: held, created: false };
      const certificate = await this.write(manager, actor, plan, holder.name, holder, null);
      await this.audit.record(
        { actor, action: 'certificate.issued', entityType: 'certificate', entityId: certificate.id, after: auditView(certificate) },
        manager,
      );
      await this.notices.issued(manager, certificate, holder);
      return { certificate, created: true };
    });
  }

  /**
   * Issues a new certificate in place of a valid one (a corrected name, say): a new serial and code, the old one
   * marked as replaced and the new one pointing back at it, so both verification pages show the history.
   */
  async reissue(actor: Actor, id: string, input: ReissueInput): Promise<Certificate> {
    this.access.assertCanIssue(actor);
    return unitOfWork(this.dataSource, async (manager) => {
      const old = await this.lockValid(manager, id);
      const holder = await this.lockHolder(manager, old.userId);
      const period = await this.records.periodOf(manager, old.enrolmentIds);
      const plan: Plan = {
        ...period,
        userId: old.userId,
        programmeId: old.programmeId,
        partId: old.partId,
        enrolmentIds: old.enrolmentIds,
      };
      await manager.getRepository(Certificate).update({ id: old.id }, { status: 'replaced' });
      const certificate = await this.write(manager, actor, plan, input.holderName ?? holder.name, holder, old.id);
      await this.audit.record(
        {
          actor,
          action: 'certificate.reissued',
          entityType: 'certificate',
          entityId: certificate.id,
          before: auditView(old),
          after: { ...auditView(certificate), note: input.note },
        },
        manager,
      );
      await this.notices.issued(manager, certificate, holder);
      return certificate;
    });
  }

  /** Revokes a valid certificate with a reason; its verification page says so at once, and the holder is told. */
  async revoke(actor: Actor, id: string, input: RevokeInput): Promise<Certificate> {
    this.access.assertCanIssue(actor);
    return unitOfWork(this.dataSource, async (manager) => {
      const certificate = await this.lockValid(manager, id);
      const before = auditView(certificate);
      Object.assign(certificate, {
        status: 'revoked',
        revokedAt: this.clock.now(),
        revokedById: actor.userId,
        revocationReason: input.reason,
        revocationNote: input.note,
      } satisfies Partial<Certificate>);
      await manager.getRepository(Certificate).save(certificate);
      await this.audit.record(
        { actor, action: 'certificate.revoked', entityType: 'certificate', entityId: id, before, after: auditView(certificate) },
        manager,
      );
      await this.notices.revoked(manager, certificate, await manager.getRepository(User).findOneByOrFail({ id: certificate.userId }));
      return certificate;
    });
  }

  private async partPlan(manager: EntityManager, enrolmentId: string): Promise<Plan> {
    const done = await this.records.completedEnrolment(manager, enrolmentId);
    if (done === undefined) throw new EnrolmentNotFoundError();
    if (done === null) throw new NotCompletedError();
    return { ...done, enrolmentIds: [done.enrolmentId] };
  }

  /** The programme's certificate needs a completed enrolment in every part. */
  private async programmePlan(manager: EntityManager, target: { programmeId: string; userId: string }): Promise<Plan> {
    const parts = await this.records.partCompletions(manager, target.programmeId, target.userId);
    if (!parts.length || parts.some((p) => !p.enrolmentId)) throw new NotCompletedError();
    return {
      userId: target.userId,
      programmeId: target.programmeId,
      partId: null,
      enrolmentIds: parts.map((p) => p.enrolmentId!),
      startsOn: parts.map((p) => p.startsOn!).sort()[0],
      endsOn: parts.map((p) => p.endsOn!).sort()[parts.length - 1],
    };
  }

  private async lockHolder(manager: EntityManager, userId: string): Promise<User> {
    const holder = await lockRow(manager, User, userId);
    if (!holder) throw new NotCompletedError();
    return holder;
  }

  private async lockValid(manager: EntityManager, id: string): Promise<Certificate> {
    const certificate = await lockRow(manager, Certificate, id);
    if (!certificate) throw new CertificateNotValidError();
    if (certificate.status !== 'valid') throw new CertificateNotValidError();
    return certificate;
  }

  private validHeld(manager: EntityManager, plan: Plan): Promise<Certificate | null> {
    return manager.getRepository(Certificate).findOne({
      where: plan.partId
        ? { userId: plan.userId, partId: plan.partId, status: 'valid' }
        : { userId: plan.userId, programmeId: plan.programmeId, partId: IsNull(), status: 'valid' },
    });
  }

  /**
   * Takes the next serial, renders and stores the PDF, and writes the certificate, in `manager`'s transaction.
   * Everything that can be read beforehand is, so the counter row stays locked only while the PDF is made.
   */
  private async write(
    manager: EntityManager,
    actor: Actor,
    plan: Plan,
    holderName: string,
    holder: User,
    replacesId: string | null,
  ): Promise<Certificate> {
    const facts = await this.facts(manager, plan, holderName, holder);
    const year = rigaParts(facts.issuedAt).year;
    const number = await this.records.nextSerialNumber(manager, plan.programmeId, year);
    const serial = formatSerial(facts.template.serialFormat, year, number);
    const code = newVerificationCode();
    const document = this.documents.build(facts, serial, code);
    const pdf = await this.seal.seal(await renderCertificatePdf(document), {
      signedAt: facts.issuedAt,
      reason: `${document.title} ${serial}`,
      location: document.place,
    });
    const file = await this.storage.store(Readable.from([pdf]), certificateFileName(serial), PDF_POLICY);
    this.storage.discardOnRollback(manager, [file]);
    const repo = manager.getRepository(Certificate);
    let certificate: Certificate;
    try {
      certificate = await repo.save(
        repo.create({
          serial,
          verificationCode: code,
          programmeId: plan.programmeId,
          partId: plan.partId,
          userId: plan.userId,
          enrolmentIds: plan.enrolmentIds,
          holderName,
          language: facts.lang,
          programmeTitle: document.programmeTitle,
          partTitle: document.partTitle,
          academicHours: document.academicHours,
          issuerName: document.issuer,
          issuedAt: facts.issuedAt,
          issuedById: actor.userId,
          status: 'valid',
          replacesId,
          fileKey: file.key,
          fileSize: file.size,
          sha256: file.sha256,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, SERIAL_CONSTRAINT)) throw new SerialTakenError(serial);
      throw error;
    }
    await this.badges.record(manager, certificate, document, holder.email);
    return certificate;
  }

  private async facts(manager: EntityManager, plan: Plan, holderName: string, holder: User): Promise<DocumentFacts> {
    const template = await manager.getRepository(CertificateTemplate).findOneBy({ programmeId: plan.programmeId });
    if (!template) throw new NoTemplateError();
    const programme = await manager.getRepository(Programme).findOneByOrFail({ id: plan.programmeId });
    const parts = await manager.getRepository(Part).findBy(plan.partId ? { id: plan.partId } : { programmeId: plan.programmeId });
    return {
      lang: holder.language === 'en' ? 'en' : 'lv',
      template,
      programme,
      part: plan.partId ? parts[0] : null,
      academicHours: parts.reduce((sum, part) => sum + part.academicHours, 0),
      holderName,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      issuedAt: this.clock.now(),
      logos: await this.documents.logos(programme),
    };
  }
}

/** What the audit log keeps of a certificate. */
function auditView(c: Certificate): Record<string, unknown> {
  return {
    serial: c.serial,
    holderName: c.holderName,
    userId: c.userId,
    programmeId: c.programmeId,
    partId: c.partId,
    status: c.status,
    revocationReason: c.revocationReason,
    revocationNote: c.revocationNote,
    replacesId: c.replacesId,
    sha256: c.sha256,
  };
}
