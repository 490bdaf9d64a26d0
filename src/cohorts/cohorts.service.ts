import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { unitOfWork } from '../database/unit-of-work';
import { Part } from '../programmes/part.entity';
import { User } from '../users/user.entity';
import { CohortAccessService } from './cohort-access.service';
import { lockCohort } from './cohort-locks';
import { CohortRecords } from './cohort-records.service';
import { CohortListQuery, CreateCohortInput, UpdateCohortInput } from './cohort.schemas';
import { Cohort } from './cohort.entity';
import { CapacityBelowPlacesError, CohortNotFoundError, InvalidInstructorError, UnknownPartError } from './cohorts.errors';
import { MEMBER_STATUSES } from './enrolment-status';
import { Enrolment } from './enrolment.entity';
import { WaitingList } from './waiting-list';

export interface CohortCounts {
  taken: number;
  waiting: number;
}

function auditView(cohort: Cohort): Record<string, unknown> {
  return {
    partId: cohort.partId,
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    capacity: cohort.capacity,
    instructorIds: (cohort.instructors ?? []).map((u) => u.id).sort(),
  };
}

/** Cohorts (runs of a part): dates, capacity and instructors. */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CohortAccessService,
    private readonly waitingList: WaitingList,
    private readonly audit: AuditService,
    private readonly records: CohortRecords,
  ) {}

  async list(query: CohortListQuery): Promise<{ items: (Cohort & CohortCounts)[]; total: number }> {
    const qb = this.dataSource
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.part', 'p')
      .innerJoinAndSelect('p.programme', 'pr')
      .orderBy('c.startsOn', 'DESC')
      .addOrderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (query.programmeId) qb.andWhere('p.programmeId = :programmeId', { programmeId: query.programmeId });
    if (query.partId) qb.andWhere('c.partId = :partId', { partId: query.partId });
    const [cohorts, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const counts = await this.records.counts(cohorts.map((c) => c.id));
    return { items: cohorts.map((c) => Object.assign(c, counts.get(c.id) ?? { taken: 0, waiting: 0 })), total };
  }

  /**
   * The cohorts running on the given Riga date: it lies between their first and last day, and no administrator has
   * closed them. How many, and the first `limit` of them (with their part, programme and counts) ending soonest.
   */
  async running(rigaDate: string, limit: number): Promise<{ total: number; items: (Cohort & CohortCounts)[] }> {
    const [cohorts, total] = await this.dataSource.getRepository(Cohort).findAndCount({
      where: { startsOn: LessThanOrEqual(rigaDate), endsOn: MoreThanOrEqual(rigaDate), closedAt: IsNull() },
      relations: { part: { programme: true } },
      order: { endsOn: 'ASC', name: 'ASC', id: 'ASC' },
      take: limit,
    });
    const counts = await this.records.counts(cohorts.map((c) => c.id));
    return { total, items: cohorts.map((c) => Object.assign(c, counts.get(c.id) ?? { taken: 0, waiting: 0 })) };
  }

  /** The cohort with its part, programme and instructors. */
  async get(id: string): Promise<Cohort & CohortCounts> {
    const cohort = await this.dataSource.getRepository(Cohort).findOne({
      where: { id },
      relations: { part: { programme: true }, instructors: true },
      order: { instructors: { name: 'ASC' } },
    });
    if (!cohort) throw new CohortNotFoundError();
    const counts = await this.records.counts([id]);
    return Object.assign(cohort, counts.get(id) ?? { taken: 0, waiting: 0 });
  }

  /** The cohort, if the user may see it (admin, its instructor, its trainee); anyone else gets "not found". */
  async getFor(user: User, id: string): Promise<Cohort & CohortCounts> {
    await this.access.assertCanView(user, id);
    return this.get(id);
  }

  async create(input: CreateCohortInput, actor: Actor): Promise<Cohort> {
    return unitOfWork(this.dataSource, async (manager) => {
      const part = await manager.getRepository(Part).findOneBy({ id: input.partId });
      if (!part) throw new UnknownPartError();
      const repo = manager.getRepository(Cohort);
      const cohort = repo.create({
        partId: part.id,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        capacity: input.capacity,
        instructors: await this.instructors(manager, input.instructorIds),
      });
      await repo.save(cohort);
      await this.audit.record(
        { actor, action: 'cohort.created', entityType: 'cohort', entityId: cohort.id, after: auditView(cohort) },
        manager,
      );
      return cohort;
    });
  }

  /** A larger capacity hands the new places to the waiting list at once; a capacity below the places taken is refused. */
  async update(id: string, input: UpdateCohortInput, actor: Actor): Promise<{ cohort: Cohort; promoted: Enrolment[] }> {
    return unitOfWork(this.dataSource, async (manager) => {
      const cohort = await lockCohort(manager, id);
      cohort.instructors = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .innerJoin('cohort_teachers', 't', 't.user_id = u.id AND t.cohort_id = :id', { id })
        .getMany();
      const before = auditView(cohort);
      const taken = await this.records.placesTaken(manager, id);
      if (input.capacity < taken) throw new CapacityBelowPlacesError(taken);
      Object.assign(cohort, {
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        capacity: input.capacity,
        instructors: await this.instructors(manager, input.instructorIds),
      });
      await manager.getRepository(Cohort).save(cohort);
      await this.audit.record(
        { actor, action: 'cohort.updated', entityType: 'cohort', entityId: id, before, after: auditView(cohort) },
        manager,
      );
      const promoted = await this.waitingList.fill(manager, cohort, actor);
      return { cohort, promoted };
    });
  }

  /** Everyone who may be chosen as an instructor. */
  activeInstructors(): Promise<User[]> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where(':role = ANY(u.roles)', { role: 'instructor' })
      .andWhere('u.disabledAt IS NULL')
      .orderBy('u.name', 'ASC')
      .getMany();
  }

  /** The cohorts an instructor teaches, each with the trainees holding its places. */
  async taughtBy(userId: string): Promise<{ cohort: Cohort; trainees: Enrolment[] }[]> {
    const cohorts = await this.dataSource
      .getRepository(Cohort)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.part', 'p')
      .innerJoinAndSelect('p.programme', 'pr')
      .innerJoin('cohort_teachers', 't', 't.cohort_id = c.id AND t.user_id = :userId', { userId })
      .orderBy('c.startsOn', 'DESC')
      .addOrderBy('c.name', 'ASC')
      .getMany();
    if (!cohorts.length) return [];
    const enrolments = await this.dataSource.getRepository(Enrolment).find({
      where: { cohortId: In(cohorts.map((c) => c.id)), status: In([...MEMBER_STATUSES]) },
      relations: { user: true },
      order: { user: { name: 'ASC' } },
    });
    return cohorts.map((cohort) => ({ cohort, trainees: enrolments.filter((e) => e.cohortId === cohort.id) }));
  }

  /** The chosen instructors, each an active user with the instructor role; otherwise a field error. */
  private async instructors(manager: EntityManager, ids: string[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const users = await manager.getRepository(User).findBy({ id: In(unique) });
    if (users.length !== unique.length) throw new InvalidInstructorError('cohort.unknownInstructor');
    const wrong = users.find((u) => u.disabledAt || !u.hasRole('instructor'));
    if (wrong) throw new InvalidInstructorError('cohort.notInstructor', wrong.name);
    return users;
  }
}
