import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The grading queue's two expression indexes, now covering: the queue walks them in order and filters by
 * assignment and lateness without reading the table, and counts from them alone. Written by hand (TypeORM cannot
 * declare expression indexes; the entity marks them `synchronize: false`).
 */
export class GradingQueueCovering1795618000000 implements MigrationInterface {
  name = 'GradingQueueCovering1795618000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_submissions_grading_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_submissions_grading_by_assignment"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_submissions_grading_queue" ON "submissions" (("graded_version" >= "submitted_version"), "submitted_at", "id")
            INCLUDE ("assignment_id", "user_id", "late_seconds", "graded_version", "submitted_version")
            WHERE "submitted_at" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_submissions_grading_by_assignment" ON "submissions" ("assignment_id", ("graded_version" >= "submitted_version"), "submitted_at", "id")
            INCLUDE ("user_id", "late_seconds", "graded_version", "submitted_version")
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
            CREATE INDEX "IDX_submissions_grading_queue" ON "submissions" (("graded_version" >= "submitted_version"), "submitted_at", "id")
            WHERE "submitted_at" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_submissions_grading_by_assignment" ON "submissions" ("assignment_id", ("graded_version" >= "submitted_version"), "submitted_at", "id")
            WHERE "submitted_at" IS NOT NULL
        `);
  }
}
