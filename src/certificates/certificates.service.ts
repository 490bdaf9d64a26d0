import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { PhaseTimings } from '../common/phase-timings';
import { DomainError } from '../common/errors';
import { lockRow, lockRows } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { CertificateAccess } from './certificate-access.service';
import { CertificateNotices } from './certificate-notices';
import { CertificateRecords } from './certificate-records.service';
import { type CertificateDraft, CertificateWriter, type DrawnAhead, type Plan } from './certificate-writer';
import { Certificate } from './certificate.entity';
import { CertificateNotValidError, EnrolmentNotFoundError, NotCompletedError } from './certificates.errors';
import type { ReissueInput, RevokeInput } from './certificates.schemas';

/** A certificate of one completed enrolment (its part), or of the whole programme for one person. */
export type IssueTarget = { enrolmentId: string } | { programmeId: string; userId: string };

export interface IssueOutcome {
  certificate: Certificate;
  /** False when the person already held a valid certificate for it, which is returned instead. */
  created: boolean;
}

/** What issuing did for one of several enrolments: its outcome, or why it has no certificate. */
export type EnrolmentIssue = IssueOutcome | DomainError;

const isPlan = (plan: Plan | DomainError): plan is Plan => !(plan instanceof DomainError);

/** A person's certificate for a part, or for the programme: they hold at most one valid of each. */
const holdingKey = (c: { userId: string; programmeId: string; partId: string | null }) =>
  `${c.userId}:${c.partId ?? `programme:${c.programmeId}`}`;

/**
 * Issuing, revoking and reissuing certificates. Each is one unit of work: the holders' rows are locked first (in
 * the order of their ids), so issues for one person take turns and a second finds the first's certificate, which a
 * unique index backs; the serials are taken from the programme's counter for the year in the same transaction, the
 * PDFs made, sealed and stored once with their SHA-256 and their Open Badges signed (certificate-writer.ts), the
 * changes audited and the holders emailed when it commits. A background run issues a batch of a cohort's enrolments in one such unit of work.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CertificateRecords,
    private readonly access: CertificateAccess,
    private readonly writer: CertificateWriter,
    private readonly notices: CertificateNotices,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Issues the certificate, or returns the valid one the person already holds for the same part (or programme). */
  async issue(actor: Actor, target: IssueTarget): Promise<IssueOutcome> {
    this.access.assertCanIssue(actor);
    return unitOfWork(this.dataSource, async (manager) => {
      if ('enrolmentId' in target) {
        const [outcome] = await this.issueEnrolments(actor, manager, [target.enrolmentId]);
        if (outcome instanceof DomainError) throw outcome;
        return outcome;
      }
      const [outcome] = await this.issuePlans(manager, actor, [await this.programmePlan(manager, target)]);
      return outcome;
    });
  }

  /**
   * Issues the part certificates of several enrolments in the unit of work `manager` belongs to, with consecutive
   * serials; returns what became of each, in their order. An enrolment that has not completed its part gets its
   * error and does not stop the others; a failure to write any certificate throws, and the caller's transaction
   * rolls back with every serial taken.
   */
  async issueEnrolments(
    actor: Actor,
    manager: EntityManager,
    enrolmentIds: string[],
    timings = new PhaseTimings(),
    ahead?: DrawnAhead,
  ): Promise<EnrolmentIssue[]> {
    this.access.assertCanIssue(actor);
    const plans = await this.enrolmentPlans(manager, enrolmentIds);
    const issued = await this.issuePlans(manager, actor, plans.filter(isPlan), timings, ahead);
    return plans.map((plan) => (plan instanceof DomainError ? plan : issued.shift()!));
  }

  /**
   * Starts drawing, outside any transaction, the PDFs issueEnrolments would draw for these enrolments now (those
   * completed whose holders hold no valid certificate for the part yet), after those of `before`, which are still
   * to be issued. The unit of work that then issues them uses each one that still fits.
   */
  async drawAhead(actor: Actor, enrolmentIds: string[], before?: DrawnAhead): Promise<DrawnAhead> {
    this.access.assertCanIssue(actor);
    const manager = this.dataSource.manager;
    const plans = (await this.enrolmentPlans(manager, enrolmentIds)).filter(isPlan);
    const holders = await manager.getRepository(User).findBy({ id: In(plans.map((p) => p.userId)) });
    return this.writer.drawAhead(manager, await this.freshDrafts(manager, plans, holders), before);
  }

  /** Removes what was drawn ahead and not issued (the issue took someone else's turn, or a serial came out otherwise). */
  discardUnused(ahead: DrawnAhead): Promise<void> {
    return this.writer.discardUnused(ahead);
  }

  /** What each enrolment's certificate would certify, or why it cannot be issued. */
  private async enrolmentPlans(manager: EntityManager, enrolmentIds: string[]): Promise<(Plan | DomainError)[]> {
    const completed = await this.records.completedEnrolments(manager, enrolmentIds);
    return enrolmentIds.map((id) => {
      const done = completed.get(id);
      if (done === undefined) return new EnrolmentNotFoundError();
      if (done === null) return new NotCompletedError();
      return { ...done, enrolmentIds: [id] };
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
      const [certificate] = await this.writer.write(manager, actor, [
        { plan, holder, holderName: input.holderName ?? holder.name, replacesId: old.id },
      ]);
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

  /**
   * Issues what the plans certify, in their order: each holder's row locked first, a plan the person already holds a
   * valid certificate for answered with that one, the others written together, audited and their holders emailed.
   */
  private async issuePlans(
    manager: EntityManager,
    actor: Actor,
    plans: Plan[],
    timings = new PhaseTimings(),
    ahead?: DrawnAhead,
  ): Promise<IssueOutcome[]> {
    if (!plans.length) return [];
    const locked = await lockRows(
      manager,
      User,
      plans.map((p) => p.userId),
    );
    const holders = new Map(locked.map((u) => [u.id, u]));
    if (plans.some((p) => !holders.has(p.userId))) throw new NotCompletedError();
    const held = new Map((await this.records.validHeldBy(manager, [...holders.keys()])).map((c) => [holdingKey(c), c]));
    const written = await this.writer.write(manager, actor, await this.freshDrafts(manager, plans, locked, held), timings, ahead);
    await timings.time('audit and emails', () => this.recordIssued(manager, actor, written, holders));
    const created = new Map(written.map((certificate) => [holdingKey(certificate), certificate]));
    return plans.map((plan) => {
      const key = holdingKey(plan);
      const certificate = held.get(key) ?? created.get(key)!;
      // The first plan of a holding gets the new certificate; a repeat of it in the same call finds it held.
      held.set(key, certificate);
      return { certificate, created: created.delete(key) };
    });
  }

  /** The certificates to write for the plans: one per holding that the holder (among `holders`) does not hold yet. */
  private async freshDrafts(
    manager: EntityManager,
    plans: Plan[],
    holders: User[],
    held?: Map<string, Certificate>,
  ): Promise<CertificateDraft[]> {
    const heldNow =
      held ??
      new Map(
        (
          await this.records.validHeldBy(
            manager,
            holders.map((u) => u.id),
          )
        ).map((c) => [holdingKey(c), c]),
      );
    const byId = new Map(holders.map((u) => [u.id, u]));
    const fresh = new Map<string, CertificateDraft>();
    for (const plan of plans) {
      const holder = byId.get(plan.userId);
      const key = holdingKey(plan);
      if (holder && !heldNow.has(key) && !fresh.has(key)) fresh.set(key, { plan, holder, holderName: holder.name, replacesId: null });
    }
    return [...fresh.values()];
  }

  /** Audits new certificates and emails their holders, with a statement or two for the whole batch. */
  private async recordIssued(manager: EntityManager, actor: Actor, written: Certificate[], holders: Map<string, User>): Promise<void> {
    await this.audit.recordMany(
      written.map((certificate) => ({
        actor,
        action: 'certificate.issued',
        entityType: 'certificate',
        entityId: certificate.id,
        after: auditView(certificate),
      })),
      manager,
    );
    await this.notices.issuedMany(
      manager,
      written.map((certificate) => ({ certificate, holder: holders.get(certificate.userId)! })),
    );
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
