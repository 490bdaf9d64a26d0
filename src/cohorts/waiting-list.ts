import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Cohort } from './cohort.entity';
import { placesTaken } from './cohort-locks';
import { EnrolmentEmails } from './enrolment-emails';
import { Enrolment } from './enrolment.entity';

/** The order of a cohort's waiting list: who joined it first. */
export const WAITING_ORDER = 'waitlisted_at ASC, created_at ASC, id ASC';

@Injectable()
export class WaitingList {
  constructor(
    private readonly emails: EnrolmentEmails,
    private readonly audit: AuditService,
  ) {}

  /**
   * Gives every free place to the earliest waiting trainees, with a "place freed" email each. The caller
   * holds the cohort lock (lockCohort), so no other change counts the same free place.
   */
  async fill(manager: EntityManager, cohort: Cohort, actorId: string | null, req?: Request): Promise<{ promoted: Enrolment[]; outboxIds: string[] }> {
    const free = cohort.capacity - (await placesTaken(manager, cohort.id));
    if (free <= 0) return { promoted: [], outboxIds: [] };
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE enrolments SET status = 'enrolled', enrolled_at = clock_timestamp(), updated_at = now()
        WHERE id IN (SELECT id FROM enrolments WHERE cohort_id = $1 AND status = 'waitlisted' ORDER BY ${WAITING_ORDER} LIMIT $2 FOR UPDATE)
        RETURNING id`,
      [cohort.id, free],
    );
    if (!rows.length) return { promoted: [], outboxIds: [] };
    const promoted = await manager.getRepository(Enrolment).find({
      where: { id: In(rows.map((r) => r.id)) },
      relations: { user: true },
      order: { waitlistedAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const outboxIds: string[] = [];
    for (const enrolment of promoted) {
      await this.audit.record(
        { actorId, action: 'enrolment.promoted', entityType: 'enrolment', entityId: enrolment.id, after: { cohortId: cohort.id, userId: enrolment.userId, status: 'enrolled' }, req },
        manager,
      );
      const id = await this.emails.enqueue(manager, 'promoted', enrolment, enrolment.user, cohort);
      if (id) outboxIds.push(id);
    }
    return { promoted, outboxIds };
  }

  /** 1-based places of waiting trainees, by enrolment id. */
  async positions(manager: EntityManager, cohortIds: string[]): Promise<Map<string, number>> {
    if (!cohortIds.length) return new Map();
    const rows: { id: string; position: number }[] = await manager.query(
      `SELECT id, row_number() OVER (PARTITION BY cohort_id ORDER BY ${WAITING_ORDER})::int AS position
         FROM enrolments WHERE cohort_id = ANY($1) AND status = 'waitlisted'`,
      [cohortIds],
    );
    return new Map(rows.map((r) => [r.id, r.position]));
  }
}
