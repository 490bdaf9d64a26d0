import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated for `submissions.graded_version`; the two expression indexes behind the grading queue's order
 * (still to grade first, then by submission time) are written by hand, since TypeORM cannot declare an
 * expression index (the entity marks them `synchronize: false`).
 */
export class GradingQueue1795616232778 implements MigrationInterface {
  name = 'GradingQueue1795616232778';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD "graded_version" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            UPDATE "submissions" s SET "graded_version" = g."version_number" FROM "grades" g WHERE g."submission_id" = s."id"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_submissions_grading_queue" ON "submissions" (("graded_version" >= "submitted_version"), "submitted_at", "id")
            WHERE "submitted_at" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_submissions_grading_by_assignment" ON "submissions" ("assignment_id", ("graded_version" >= "submitted_version"), "submitted_at", "id")
            WHERE "submitted_at" IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_submissions_grading_by_assignment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_submissions_grading_queue"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP COLUMN "graded_version"
        `);
  }
}
