import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completion of a part per enrolment (`enrolment_completions`), closing a cohort, and the view
 * `completed_enrolments`: the one definition of "completed the part" that certificates, indicators and reports
 * read. An administrator's hand-set state wins over the rule's; only members (src/cohorts/enrolment-status.ts,
 * through `cohort_members`) count. `completed_at` is when it was set by hand, else when the rule was first met.
 */
export class Completion1796639138485 implements MigrationInterface {
  name = 'Completion1796639138485';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "enrolment_completions" (
                "enrolment_id" uuid NOT NULL,
                "state" character varying(20) NOT NULL DEFAULT 'in_progress',
                "criteria" jsonb NOT NULL DEFAULT '[]',
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "manual_state" character varying(20),
                "manual_reason" character varying(1000),
                "manual_by_id" uuid,
                "manual_at" TIMESTAMP WITH TIME ZONE,
                "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_652485a1f673e3f26944fd20b1" CHECK (
                    ("manual_state" IS NULL) = ("manual_reason" IS NULL)
                ),
                CONSTRAINT "CHK_917bdafd239d7f2366564db6e4" CHECK (
                    "manual_state" IS NULL
                    OR "manual_state" IN ('completed', 'not_completed')
                ),
                CONSTRAINT "CHK_b791dacbf2d0764221c8db804b" CHECK (
                    "state" IN ('in_progress', 'completed', 'not_possible')
                ),
                CONSTRAINT "PK_cb88822ece3d2789cf17db67385" PRIMARY KEY ("enrolment_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD "closed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD "closed_by_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolment_completions"
            ADD CONSTRAINT "FK_cb88822ece3d2789cf17db67385" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolment_completions"
            ADD CONSTRAINT "FK_4e5bb14bdca6c2a6ce50180fc34" FOREIGN KEY ("manual_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE VIEW "completed_enrolments" AS
            SELECT m.enrolment_id, m.cohort_id, c.part_id, m.user_id,
                   CASE WHEN ec.manual_state IS NOT NULL THEN ec.manual_at ELSE ec.completed_at END AS completed_at,
                   (ec.manual_state IS NOT NULL) AS set_by_hand
              FROM "cohort_members" m
              JOIN "cohorts" c ON c.id = m.cohort_id
              JOIN "enrolment_completions" ec ON ec.enrolment_id = m.enrolment_id
             WHERE COALESCE(ec.manual_state = 'completed', ec.state = 'completed')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "completed_enrolments"`);
    await queryRunner.query(`
            ALTER TABLE "enrolment_completions" DROP CONSTRAINT "FK_4e5bb14bdca6c2a6ce50180fc34"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolment_completions" DROP CONSTRAINT "FK_cb88822ece3d2789cf17db67385"
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts" DROP COLUMN "closed_by_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts" DROP COLUMN "closed_at"
        `);
    await queryRunner.query(`
            DROP TABLE "enrolment_completions"
        `);
  }
}
