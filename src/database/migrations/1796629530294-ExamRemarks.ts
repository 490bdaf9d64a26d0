import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExamRemarks1796629530294 implements MigrationInterface {
  name = 'ExamRemarks1796629530294';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "exam_remarks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "exam_id" uuid NOT NULL,
                "attempt_item_id" uuid NOT NULL,
                "old_awarded" numeric(8, 2),
                "new_awarded" numeric(8, 2) NOT NULL,
                "from_version_id" uuid NOT NULL,
                "to_version_id" uuid NOT NULL,
                "by_id" uuid,
                "reason" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fe5c3365d5d79091732420c17e0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_dedfb0992618b5eb2b21b2f2a8" ON "exam_remarks" ("attempt_item_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f22d6ba8170342fabc5989e631" ON "exam_remarks" ("exam_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks"
            ADD CONSTRAINT "FK_b13e8b06b58c0a0111404ce0c70" FOREIGN KEY ("exam_id") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks"
            ADD CONSTRAINT "FK_dedfb0992618b5eb2b21b2f2a8b" FOREIGN KEY ("attempt_item_id") REFERENCES "exam_attempt_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks"
            ADD CONSTRAINT "FK_4217eb7e9ad4dc08c89edd3a299" FOREIGN KEY ("from_version_id") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks"
            ADD CONSTRAINT "FK_c2997bb3fe86ec72edc9cd20cdd" FOREIGN KEY ("to_version_id") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks"
            ADD CONSTRAINT "FK_c2e03e06e48642e1be423a207e0" FOREIGN KEY ("by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "exam_remarks" DROP CONSTRAINT "FK_c2e03e06e48642e1be423a207e0"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks" DROP CONSTRAINT "FK_c2997bb3fe86ec72edc9cd20cdd"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks" DROP CONSTRAINT "FK_4217eb7e9ad4dc08c89edd3a299"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks" DROP CONSTRAINT "FK_dedfb0992618b5eb2b21b2f2a8b"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_remarks" DROP CONSTRAINT "FK_b13e8b06b58c0a0111404ce0c70"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f22d6ba8170342fabc5989e631"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_dedfb0992618b5eb2b21b2f2a8"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_remarks"
        `);
  }
}
