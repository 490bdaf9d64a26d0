import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { lockRow } from '../database/row-locks';
import { unitOfWork } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { AssignmentsService } from './assignments.service';
import type { ExtensionInput } from './assignments.schemas';
import { AssignmentAccess } from './assignment-access.service';
import { AssignmentRecords } from './assignment-records.service';
import { AssignmentNotices } from './assignment-notices';
import { NotATraineeOfCohortError } from './assignments.errors';
import { Extension } from './extension.entity';

function auditView(extension: Extension): Record<string, unknown> {
  return {
    userId: extension.userId,
    dueAt: extension.dueAt.toISOString(),
    cutoffAt: extension.cutoffAt.toISOString(),
    reason: extension.reason,
  };
}

/**
 * New due and cut-off times for one trainee, with the reason: given (or changed) by an admin or an
 * instructor of the trainee's cohort, audited, and told to the trainee by email (AssignmentNotices,
 * which also stops reminders of the old due time).
 */
@Injectable()
export class ExtensionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly access: AssignmentAccess,
    private readonly records: AssignmentRecords,
    private readonly notifications: AssignmentNotices,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, assignmentId: string): Promise<Extension[]> {
    const assignment = await this.assignments.getManaged(actor, assignmentId);
    const cohortIds = await this.access.managedCohortIds(actor, assignment);
    if (!cohortIds.length) return [];
    return this.records.extensionsIn(assignment.id, cohortIds);
  }

  /** Gives the trainee an extension, or replaces the one they have. */
  async grant(actor: Actor, assignmentId: string, input: ExtensionInput): Promise<Extension> {
    const assignment = await this.assignments.getManaged(actor, assignmentId);
    const trainee = await this.dataSource.getRepository(User).findOneBy({ id: input.userId });
    if (
      !trainee ||
      !(await this.access.traineeCohort(trainee.id, assignment)) ||
      !(await this.access.teachesTrainee(actor, assignment, trainee.id))
    ) {
      throw new NotATraineeOfCohortError();
    }
    return unitOfWork(this.dataSource, async (manager) => {
      const repo = manager.getRepository(Extension);
      const existing = await repo.findOneBy({ assignmentId: assignment.id, userId: trainee.id });
      const before = existing ? await lockRow(manager, Extension, existing.id) : null;
      await this.records.saveExtension(manager, {
        assignmentId: assignment.id,
        userId: trainee.id,
        dueAt: input.dueAt,
        cutoffAt: input.cutoffAt,
        reason: input.reason,
        grantedById: actor.userId,
      });
      const extension = await repo.findOneByOrFail({ assignmentId: assignment.id, userId: trainee.id });
      await this.audit.record(
        {
          action: before ? 'extension.changed' : 'extension.granted',
          entityType: 'extension',
          entityId: extension.id,
          before: before ? auditView(before) : null,
          after: { assignmentId: assignment.id, ...auditView(extension) },
          actor,
        },
        manager,
      );
      await this.notifications.extensionGranted(manager, extension);
      return extension;
    });
  }
}
