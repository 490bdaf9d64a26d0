import type { EntityManager } from 'typeorm';
import { ExamAttempt } from './exam-attempt.entity';
import type { ResultStatus } from './exam-result.entity';
import { Exam } from './exam.entity';
import { passMarkPoints } from './exam-terms';

/**
 * Sets a submitted attempt's score from its items' marks (null while an answer waits for an instructor), then
 * the trainee's result. Called inside the unit of work that changed a mark, so the mark, the score and the
 * result commit together.
 */
export async function settleAttempt(manager: EntityManager, attemptId: string): Promise<ExamAttempt> {
  const [row]: { needs_marking: boolean; score: string }[] = await manager.query(
    `SELECT bool_or(mark_state = 'manual') AS needs_marking, coalesce(sum(awarded), 0)::numeric(8,2)::text AS score
       FROM exam_attempt_items WHERE attempt_id = $1`,
    [attemptId],
  );
  const needsMarking = row?.needs_marking ?? false;
  await manager.update(ExamAttempt, { id: attemptId, status: 'submitted' }, { needsMarking, score: needsMarking ? null : row.score });
  const attempt = await manager.getRepository(ExamAttempt).findOneByOrFail({ id: attemptId });
  await updateResult(manager, attempt.examId, attempt.userId);
  return attempt;
}

/**
 * The trainee's result from their submitted attempts: the best one (by share of its maximum) counts; pending
 * while any attempt waits for marking. A result overridden by staff (with a reason) is left as it is.
 */
export async function updateResult(manager: EntityManager, examId: string, userId: string): Promise<void> {
  const exam = await manager.getRepository(Exam).findOneByOrFail({ id: examId });
  const attempts = await manager.getRepository(ExamAttempt).find({ where: { examId, userId, status: 'submitted' } });
  if (!attempts.length) return;
  const marked = attempts.filter((a) => !a.needsMarking && a.score !== null);
  const best = marked.sort((a, b) => share(b) - share(a) || a.number - b.number)[0] ?? null;
  const pending = attempts.some((a) => a.needsMarking);
  const status: ResultStatus =
    pending || !best ? 'pending' : Number(best.score) >= passMarkPoints(exam, Number(best.maxPoints)) - 1e-9 ? 'passed' : 'failed';
  await manager.query(
    `INSERT INTO exam_results (exam_id, user_id, status, score, attempt_id, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, 1, now())
     ON CONFLICT (exam_id, user_id) DO UPDATE
       SET status = EXCLUDED.status, score = EXCLUDED.score, attempt_id = EXCLUDED.attempt_id,
           version = exam_results.version + 1, updated_at = now()
     WHERE exam_results.overridden_reason IS NULL
       AND (exam_results.status, exam_results.score, exam_results.attempt_id) IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.score, EXCLUDED.attempt_id)`,
    [examId, userId, status, pending ? null : (best?.score ?? null), best?.id ?? null],
  );
}

const share = (a: ExamAttempt) => (Number(a.maxPoints) > 0 ? Number(a.score) / Number(a.maxPoints) : 0);
