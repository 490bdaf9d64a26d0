import type { DataSource } from 'typeorm';

/**
 * Records an enrolment as having met its part's rule, as the completion feature does, for tests of what reads
 * completion (certificates, reports) without going through attendance, work and exams.
 */
export async function markCompleted(dataSource: DataSource, enrolmentId: string, completedAt = new Date()): Promise<void> {
  await dataSource.query(
    `INSERT INTO enrolment_completions (enrolment_id, state, completed_at)
     VALUES ($1, 'completed', $2)
     ON CONFLICT (enrolment_id) DO UPDATE SET state = 'completed', completed_at = EXCLUDED.completed_at`,
    [enrolmentId, completedAt],
  );
}

/** Records an enrolment's completion as not yet met, as the completion feature keeps it for every member. */
export async function markInProgress(dataSource: DataSource, enrolmentId: string): Promise<void> {
  await dataSource.query(`INSERT INTO enrolment_completions (enrolment_id, state) VALUES ($1, 'in_progress')`, [enrolmentId]);
}
