import type { EntityManager } from 'typeorm';
import { ExamAttempt } from './exam-attempt.entity';

/**
 * Sets a submitted attempt's score from its items' marks (null while an answer waits for an instructor). Called
 * inside the unit of work that changed a mark, before the trainee's result is set again from the attempts.
 */
export async function rescoreAttempt(manager: EntityManager, attemptId: string): Promise<ExamAttempt> {
  const [row]: { needs_marking: boolean; score: string }[] = await manager.query(
    `SELECT bool_or(mark_state = 'manual') AS needs_marking, coalesce(sum(awarded), 0)::numeric(8,2)::text AS score
       FROM exam_attempt_items WHERE attempt_id = $1`,
    [attemptId],
  );
  const needsMarking = row?.needs_marking ?? false;
  await manager.update(ExamAttempt, { id: attemptId, status: 'submitted' }, { needsMarking, score: needsMarking ? null : row.score });
  return manager.getRepository(ExamAttempt).findOneByOrFail({ id: attemptId });
}
