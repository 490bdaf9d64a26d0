import { MigrationInterface, QueryRunner } from 'typeorm';

const REFERENCES = [
  ['attendance_counts', 'FK_1ddb37a32e1fc41aeb1c8405865', 'cohort_id', 'cohorts'],
  ['attendance_counts', 'FK_17881188d4cdd632a5e28d350d3', 'user_id', 'users'],
  ['session_mark_counts', 'FK_7da73c321b123dd27874f7c6fba', 'session_id', 'sessions'],
] as const;

/**
 * The kept attendance counts check their references at commit. Deleting a cohort (or its programme) removes its
 * sessions and its counts by cascade, in an order PostgreSQL chooses: when the sessions go first, each one's
 * trigger takes its marks from the counts, a trainee's row changes once per session, and a row changed again in
 * the same transaction has its reference checked again, against the cohort already deleted. Checked at commit, the
 * row is gone by then. The cascades themselves still act at once.
 */
export class AttendanceCountsDeferredReferences1796666000000 implements MigrationInterface {
  name = 'AttendanceCountsDeferredReferences1796666000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, column, target] of REFERENCES) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, column, target] of REFERENCES) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }
}
