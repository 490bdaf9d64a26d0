import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { CohortAccessService } from '../cohorts/cohort-access.service';
import { Cohort } from '../cohorts/cohort.entity';
import { assignmentScope } from '../completion/completion-records.service';
import { CompletionService } from '../completion/completion.service';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { uuid } from '../common/schemas';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { Part } from '../programmes/part.entity';
import { StorageService } from '../storage/storage.service';
import { AssignmentAttachment } from './assignment-attachment.entity';
import { Assignment } from './assignment.entity';
import type { AssignmentInput } from './assignments.schemas';
import { AssignmentAccess } from './assignment-access.service';
import { AssignmentRecords } from './assignment-records.service';
import { AssignmentInUseError, AssignmentNotFoundError } from './assignments.errors';
import { Submission } from '../submissions/submission.entity';
import { actingUser } from '../users/acting-user';

/** An assignment is set for one cohort, or for a part (then for every cohort of it). */
export type AssignmentTarget = { cohortId: string } | { partId: string };

export interface CohortAssignments {
  cohort: Cohort;
  part: Part;
  assignments: Assignment[];
  canManageCohort: boolean;
  canManagePart: boolean;
}

/** Where an assignment form puts the assignment: a new one's cohort or part, or the assignment being changed. */
export interface AssignmentFormTarget {
  assignmentId: string | null;
  cohort: Cohort | null;
  part: Part | null;
}

/** What the audit log keeps of an assignment. */
export function assignmentAuditView(a: Assignment): Record<string, unknown> {
  return {
    title: a.title,
    cohortId: a.cohortId,
    partId: a.partId,
    opensAt: a.opensAt.toISOString(),
    dueAt: a.dueAt.toISOString(),
    cutoffAt: a.cutoffAt.toISOString(),
    maxFiles: a.maxFiles,
    maxFileSizeMb: a.maxFileSizeMb,
    acceptedTypes: a.acceptedTypes,
    allowText: a.allowText,
    gradingType: a.gradingType,
    maxPoints: a.maxPoints,
    passMark: a.passMark,
    requiredForCompletion: a.requiredForCompletion,
    reminderOffsetsHours: a.reminderOffsetsHours,
  };
}

/** Assignments of cohorts and parts: who sets them, what they ask, and when. */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: AssignmentRecords,
    private readonly access: AssignmentAccess,
    private readonly cohorts: CohortAccessService,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
  ) {}

  /**
   * The assignment, whoever asks; not found for anything that is not one. Every assignment request starts here,
   * so it is one prepared statement (in `manager`'s transaction when given).
   */
  async find(id: string, manager?: EntityManager): Promise<Assignment> {
    if (!uuid.safeParse(id).success) throw new AssignmentNotFoundError();
    const assignment = await this.records.find(id, manager);
    if (!assignment) throw new AssignmentNotFoundError();
    return assignment;
  }

  async getVisible(actor: Actor, id: string): Promise<Assignment> {
    const assignment = await this.find(id);
    await this.access.assertCanView(actor, assignment);
    return assignment;
  }

  async getManaged(actor: Actor, id: string): Promise<Assignment> {
    const assignment = await this.find(id);
    await this.access.assertCanManage(actor, assignment);
    return assignment;
  }

  /** A cohort's assignments, its part's included, by due time. */
  async listForCohort(actor: Actor, cohortId: string): Promise<CohortAssignments> {
    const cohort = await this.findCohort(cohortId);
    await this.cohorts.assertCanView(actingUser(actor), cohort.id);
    const part = await this.dataSource.getRepository(Part).findOneByOrFail({ id: cohort.partId });
    const [assignments, canManageCohort, canManagePart] = await Promise.all([
      this.dataSource.getRepository(Assignment).find({
        where: [{ cohortId: cohort.id }, { partId: part.id }],
        order: { dueAt: 'ASC', title: 'ASC' },
      }),
      this.cohorts.canTeach(actingUser(actor), cohort.id),
      this.cohorts.canTeachPart(actingUser(actor), part.id),
    ]);
    return { cohort, part, assignments, canManageCohort, canManagePart };
  }

  async create(actor: Actor, target: AssignmentTarget, input: AssignmentInput): Promise<Assignment> {
    const where = await this.assertCanCreate(actor, target);
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(Assignment);
      const assignment = await repo.save(repo.create({ cohortId: null, partId: null, ...where, ...input, createdById: actor.userId }));
      await this.audit.record(
        {
          action: 'assignment.created',
          entityType: 'assignment',
          entityId: assignment.id,
          after: assignmentAuditView(assignment),
          actor,
        },
        manager,
      );
      // One more assignment to pass, when it is required.
      await this.completion.reevaluate(manager, assignmentScope(assignment));
      return assignment;
    });
  }

  async update(actor: Actor, id: string, input: AssignmentInput): Promise<Assignment> {
    await this.getManaged(actor, id);
    return unitOfWork(this.dataSource, async (manager) => {
      const assignment = await lockRow(manager, Assignment, id);
      if (!assignment) throw new AssignmentNotFoundError();
      const before = assignmentAuditView(assignment);
      Object.assign(assignment, input);
      await manager.getRepository(Assignment).save(assignment);
      await this.audit.record(
        {
          action: 'assignment.updated',
          entityType: 'assignment',
          entityId: id,
          before,
          after: assignmentAuditView(assignment),
          actor,
        },
        manager,
      );
      if (before.requiredForCompletion !== assignment.requiredForCompletion) {
        await this.completion.reevaluate(manager, assignmentScope(assignment));
      }
      return assignment;
    });
  }

  /** Only an assignment nobody has started on can go; its brief's files go with it. */
  async delete(actor: Actor, id: string): Promise<Assignment> {
    const assignment = await this.getManaged(actor, id);
    return unitOfWork(this.dataSource, async (manager) => {
      await lockRow(manager, Assignment, id);
      if (await manager.getRepository(Submission).existsBy({ assignmentId: id })) throw new AssignmentInUseError();
      const files = await manager.getRepository(AssignmentAttachment).findBy({ assignmentId: id });
      await manager.getRepository(Assignment).delete({ id });
      await this.audit.record(
        {
          action: 'assignment.deleted',
          entityType: 'assignment',
          entityId: id,
          before: assignmentAuditView(assignment),
          actor,
        },
        manager,
      );
      for (const file of files) await this.storage.discardAfterCommit(manager, file.storageKey);
      await this.completion.reevaluate(manager, assignmentScope(assignment));
      return assignment;
    });
  }

  /** The cohorts an assignment is for: its own, or every cohort of its part. */
  async cohortsOf(assignment: Assignment, ids?: string[]): Promise<Cohort[]> {
    const repo = this.dataSource.getRepository(Cohort);
    const where = assignment.cohortId ? { id: assignment.cohortId } : { partId: assignment.partId! };
    return repo.find({ where: ids ? { ...where, id: In(ids) } : where, order: { startsOn: 'ASC', name: 'ASC' } });
  }

  /** Admins and a cohort's instructors set its assignments; admins and instructors of any of its cohorts, a part's. */
  async assertCanCreate(actor: Actor, target: AssignmentTarget): Promise<AssignmentTarget> {
    if ('cohortId' in target) {
      const cohort = await this.findCohort(target.cohortId);
      await this.cohorts.assertCanTeach(actingUser(actor), cohort.id);
      return { cohortId: cohort.id };
    }
    const part = uuid.safeParse(target.partId).success ? await this.dataSource.getRepository(Part).findOneBy({ id: target.partId }) : null;
    if (!part) throw new NotFoundError();
    if (await this.cohorts.canTeachPart(actingUser(actor), part.id)) return { partId: part.id };
    if (await this.cohorts.canViewPart(actingUser(actor), part.id)) throw new ForbiddenError();
    throw new NotFoundError();
  }

  /** The name and email of a trainee, for the pages that show their work. */
  personOf(userId: string): Promise<{ id: string; name: string; email: string }> {
    return this.records.person(userId);
  }

  /** What an assignment form is about: the assignment being changed, or the cohort or part a new one is for. */
  async formTarget(target: { cohortId?: string; partId?: string; assignmentId?: string }): Promise<AssignmentFormTarget> {
    let scope = target;
    if (target.assignmentId) {
      const a = await this.find(target.assignmentId);
      scope = { cohortId: a.cohortId ?? undefined, partId: a.partId ?? undefined };
    }
    return {
      assignmentId: target.assignmentId ?? null,
      cohort: scope.cohortId ? await this.findCohort(scope.cohortId) : null,
      part: scope.partId ? await this.findPart(scope.partId) : null,
    };
  }

  async findCohort(id: string): Promise<Cohort> {
    const cohort = uuid.safeParse(id).success ? await this.dataSource.getRepository(Cohort).findOneBy({ id }) : null;
    if (!cohort) throw new NotFoundError();
    return cohort;
  }

  async findPart(id: string): Promise<Part> {
    const part = uuid.safeParse(id).success ? await this.dataSource.getRepository(Part).findOneBy({ id }) : null;
    if (!part) throw new NotFoundError();
    return part;
  }
}
