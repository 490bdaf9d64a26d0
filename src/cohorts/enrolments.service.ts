import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { CompletionService } from '../completion/completion.service';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { isUniqueViolation } from '../users/users.service';
import type { Cohort } from './cohort.entity';
import { lockCohort, lockCohortForEnrolment } from './cohort-locks';
import { CohortRecords } from './cohort-records.service';
import { AlreadyInCohortError, CannotEnrolError, EnrolmentNotFoundError, NotWithdrawableError } from './cohorts.errors';
import { EnrolmentEmails } from './enrolment-emails';
import { Enrolment, EnrolmentStatus } from './enrolment.entity';
import { WaitingList } from './waiting-list';

/** Enrolling trainees one by one, withdrawing them, and the waiting list that follows. */
@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly waitingList: WaitingList,
    private readonly emails: EnrolmentEmails,
    private readonly audit: AuditService,
    private readonly records: CohortRecords,
    private readonly completion: CompletionService,
  ) {}

  /** Enrols the trainee, or puts them on the waiting list when the cohort is full. */
  async enrol(cohortId: string, userId: string, actor: Actor): Promise<Enrolment> {
    return unitOfWork(this.dataSource, async (manager) => {
      const cohort = await lockCohortForEnrolment(manager, cohortId);
      const user = await manager.getRepository(User).findOneBy({ id: userId });
      if (!user || user.disabledAt) throw new CannotEnrolError('enrolment.unknownUser');
      if (!user.hasRole('trainee')) throw new CannotEnrolError('enrolment.notTrainee', { name: user.name });
      if ((await this.records.placesTaken(manager, cohortId)) < cohort.capacity) {
        const enrolment = await this.place(manager, cohort, user, 'enrolled', actor);
        // A new member starts with every criterion of the rule to meet.
        await this.completion.reevaluate(manager, { enrolmentIds: [enrolment.id] });
        return enrolment;
      }
      return this.place(manager, cohort, user, 'waitlisted', actor, (await this.records.waitingCount(manager, cohortId)) + 1);
    });
  }

  /**
   * Puts a trainee into the locked cohort with the given status, reviving a withdrawn enrolment if there is
   * one, and writes their email (for enrolled and waitlisted). Shared by single enrolment and the CSV import.
   */
  async place(
    manager: EntityManager,
    cohort: Cohort,
    user: User,
    status: EnrolmentStatus,
    actor: Actor,
    position?: number,
  ): Promise<Enrolment> {
    const repo = manager.getRepository(Enrolment);
    const found = await repo.findOneBy({ cohortId: cohort.id, userId: user.id });
    const existing = found && (await lockRow(manager, Enrolment, found.id));
    if (existing && existing.status !== 'withdrawn') throw new AlreadyInCohortError();
    const stamp = () => 'clock_timestamp()';
    const fields = {
      status,
      waitlistedAt: status === 'waitlisted' ? stamp : null,
      enrolledAt: status === 'waitlisted' ? null : stamp,
      withdrawnAt: null,
      withdrawalReason: null,
    };
    let id = existing?.id;
    try {
      if (id) await repo.createQueryBuilder().update().set(fields).where('id = :id', { id }).execute();
      else
        id = (
          await repo
            .createQueryBuilder()
            .insert()
            .values({ ...fields, cohortId: cohort.id, userId: user.id })
            .execute()
        ).identifiers[0].id as string;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyInCohortError();
      throw error;
    }
    const enrolment = await repo.findOneByOrFail({ id });
    await this.audit.record(
      {
        actor,
        action: 'enrolment.created',
        entityType: 'enrolment',
        entityId: enrolment.id,
        after: { cohortId: cohort.id, userId: user.id, status },
      },
      manager,
    );
    const kind = status === 'waitlisted' ? 'waitlisted' : status === 'enrolled' ? 'enrolled' : null;
    if (kind) await this.emails.enqueue(manager, kind, enrolment, user, cohort, position);
    return enrolment;
  }

  /** Withdraws an enrolled or waiting trainee; a place freed goes to the first on the waiting list, in the same transaction. */
  async withdraw(enrolmentId: string, reason: string, actor: Actor): Promise<{ enrolment: Enrolment; promoted: Enrolment[] }> {
    return unitOfWork(this.dataSource, async (manager) => {
      const found = await manager.getRepository(Enrolment).findOneBy({ id: enrolmentId });
      if (!found) throw new EnrolmentNotFoundError();
      const cohort = await lockCohort(manager, found.cohortId);
      const enrolment = await lockRow(manager, Enrolment, enrolmentId);
      if (!enrolment) throw new EnrolmentNotFoundError();
      if (enrolment.status !== 'enrolled' && enrolment.status !== 'waitlisted') throw new NotWithdrawableError();
      const before = { status: enrolment.status };
      Object.assign(enrolment, { status: 'withdrawn', withdrawnAt: new Date(), withdrawalReason: reason });
      await manager.getRepository(Enrolment).save(enrolment);
      await this.audit.record(
        {
          actor,
          action: 'enrolment.withdrawn',
          entityType: 'enrolment',
          entityId: enrolment.id,
          before,
          after: { status: 'withdrawn', reason },
        },
        manager,
      );
      const promoted = before.status === 'enrolled' ? await this.waitingList.fill(manager, cohort, actor) : [];
      return { enrolment, promoted };
    });
  }

  /** The enrolment with its trainee and, while waiting, its place on the waiting list. */
  async get(id: string): Promise<Enrolment & { position: number | null }> {
    const enrolment = await this.dataSource.getRepository(Enrolment).findOne({ where: { id }, relations: { user: true } });
    if (!enrolment) throw new EnrolmentNotFoundError();
    const positions =
      enrolment.status === 'waitlisted' ? await this.records.waitingPositions([enrolment.cohortId]) : new Map<string, number>();
    return Object.assign(enrolment, { position: positions.get(id) ?? null });
  }

  /** Everyone in the cohort: holders of places by name, then the waiting list in order, then those who withdrew. */
  async listForCohort(cohortId: string): Promise<(Enrolment & { position: number | null })[]> {
    const enrolments = await this.dataSource
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.user', 'u')
      .where('e.cohortId = :cohortId', { cohortId })
      .orderBy(`CASE e.status WHEN 'waitlisted' THEN 2 WHEN 'withdrawn' THEN 3 ELSE 1 END`)
      .addOrderBy('e.waitlistedAt', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .addOrderBy('e.createdAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
    const positions = await this.records.waitingPositions([cohortId]);
    return enrolments.map((e) => Object.assign(e, { position: positions.get(e.id) ?? null }));
  }

  /** A trainee's own enrolments with cohort, part and programme, newest cohort first. */
  async forTrainee(userId: string): Promise<(Enrolment & { position: number | null })[]> {
    const enrolments = await this.dataSource.getRepository(Enrolment).find({
      where: { userId },
      relations: { cohort: { part: { programme: true } } },
      order: { cohort: { startsOn: 'DESC' }, createdAt: 'DESC' },
    });
    const positions = await this.records.waitingPositions([...new Set(enrolments.map((e) => e.cohortId))]);
    return enrolments.map((e) => Object.assign(e, { position: positions.get(e.id) ?? null }));
  }
}
