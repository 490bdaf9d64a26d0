import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who is a member of a cohort and who teaches it, as views every feature's SQL reads instead of repeating the
 * rule. Written by hand (TypeORM generates no plain views; the drift check leaves views it did not make alone).
 * The statuses are those of src/cohorts/enrolment-status.ts: `cohort_members` holds MEMBER_STATUSES and its
 * `active` column is ACTIVE_STATUS. `cohort_teachers` names the cohort's part too, so "teaches an assignment
 * of a part" is `part_id = $1`; its join to cohorts is a LEFT JOIN on the primary key, which PostgreSQL leaves
 * out of a query that does not read `part_id`.
 */
export class CohortViews1795620000000 implements MigrationInterface {
  name = 'CohortViews1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE VIEW "cohort_members" AS
            SELECT e.id AS enrolment_id, e.cohort_id, e.user_id, e.status, (e.status = 'enrolled') AS active, e.created_at
              FROM "enrolments" e
             WHERE e.status IN ('enrolled', 'completed', 'not_completed')
        `);
    await queryRunner.query(`
            CREATE VIEW "cohort_teachers" AS
            SELECT ci.cohort_id, c.part_id, ci.user_id
              FROM "cohort_instructors" ci
              LEFT JOIN "cohorts" c ON c.id = ci.cohort_id
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "cohort_teachers"`);
    await queryRunner.query(`DROP VIEW "cohort_members"`);
  }
}
