import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { CompletionService } from '../completion/completion.service';
import type { Cohort } from './cohort.entity';
import { CohortRecords } from './cohort-records.service';
import { EnrolmentEmails } from './enrolment-emails';
import { Enrolment } from './enrolment.entity';

@Injectable()
export class WaitingList {
  constructor(
    private readonly emails: EnrolmentEmails,
    private readonly audit: AuditService,
    private readonly records: CohortRecords,
    private readonly completion: CompletionService,
  ) {}

  /**
   * Gives every free place to the earliest waiting trainees, with a "place freed" email each. The caller
   * holds the cohort lock (lockCohort), so no other change counts the same free place.
   */
  async fill(manager: EntityManager, cohort: Cohort, actor: Actor): Promise<Enrolment[]> {
    const free = cohort.capacity - (await this.records.placesTaken(manager, cohort.id));
    if (free <= 0) return [];
    const ids = await this.records.promoteWaiting(manager, cohort.id, free);
    if (!ids.length) return [];
    const promoted = await manager.getRepository(Enrolment).find({
      where: { id: In(ids) },
      relations: { user: true },
      order: { waitlistedAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    for (const enrolment of promoted) {
      await this.audit.record(
        {
          actor,
          action: 'enrolment.promoted',
          entityType: 'enrolment',
          entityId: enrolment.id,
          after: { cohortId: cohort.id, userId: enrolment.userId, status: 'enrolled' },
        },
        manager,
      );
      await this.emails.enqueue(manager, 'promoted', enrolment, enrolment.user, cohort);
    }
    await this.completion.reevaluate(manager, { enrolmentIds: ids });
    return promoted;
  }
}
