import type { EntityManager } from 'typeorm';
import { lockRow } from '../database/row-locks';
import { Part } from '../programmes/part.entity';
import { Cohort } from './cohort.entity';
import { CohortNotFoundError, ProgrammeClosedError } from './cohorts.errors';

/**
 * Locks the cohort row for the rest of the transaction and loads its part and programme. Every change to
 * a cohort's enrolments takes this lock first, so places are counted and handed out one change at a time.
 */
export async function lockCohort(manager: EntityManager, id: string): Promise<Cohort> {
  const cohort = await lockRow(manager, Cohort, id);
  if (!cohort) throw new CohortNotFoundError();
  cohort.part = await manager.getRepository(Part).findOneOrFail({ where: { id: cohort.partId }, relations: { programme: true } });
  return cohort;
}

/** Enrolment (single or by CSV) into a cohort locked by lockCohort; refused once its programme is closed. */
export async function lockCohortForEnrolment(manager: EntityManager, id: string): Promise<Cohort> {
  const cohort = await lockCohort(manager, id);
  const { programme } = cohort.part;
  if (programme.status === 'closed') throw new ProgrammeClosedError(programme.titleLv);
  return cohort;
}
