import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificate runs: issuing a cohort's certificates in the background (`certificate_runs`, at most one queued or
 * running per cohort, by a partial unique index) and one item per trainee it issues to (`certificate_run_items`).
 */
export class CertificateRuns1796652857559 implements MigrationInterface {
  name = 'CertificateRuns1796652857559';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "certificate_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "part_id" uuid NOT NULL,
                "started_by_id" uuid,
                "status" character varying(20) NOT NULL DEFAULT 'queued',
                "total" integer NOT NULL,
                "issued" integer NOT NULL DEFAULT '0',
                "held" integer NOT NULL DEFAULT '0',
                "failed" integer NOT NULL DEFAULT '0',
                "resumes" integer NOT NULL DEFAULT '0',
                "error" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_ae1466cb7213aacf1f94180528" CHECK ("issued" + "held" + "failed" <= "total"),
                CONSTRAINT "CHK_f3b15f8bef9398dd161bc65d46" CHECK (
                    "status" IN ('queued', 'running', 'done', 'failed')
                ),
                CONSTRAINT "PK_a26645877e56492b6e16b74392b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_91cef5ed5278725f2fc783f320" ON "certificate_runs" ("cohort_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_certificate_runs_active_cohort" ON "certificate_runs" ("cohort_id")
            WHERE "status" IN ('queued', 'running')
        `);
    await queryRunner.query(`
            CREATE TABLE "certificate_run_items" (
                "run_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "certificate_id" uuid,
                "reason" character varying(30),
                "detail" character varying(500),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_4fd9c2ad7158336197128f4fde" CHECK (("status" = 'failed') = ("reason" IS NOT NULL)),
                CONSTRAINT "CHK_13da1b386cde9d8f42f6e66183" CHECK (
                    "status" IN ('pending', 'issued', 'held', 'failed')
                ),
                CONSTRAINT "PK_fff96b5e4c16606c034e3e6d067" PRIMARY KEY ("run_id", "enrolment_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b64c738f670e45a5bda9c205e6" ON "certificate_run_items" ("certificate_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_certificate_run_items_pending" ON "certificate_run_items" ("run_id", "position")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_runs"
            ADD CONSTRAINT "FK_91cef5ed5278725f2fc783f320a" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_runs"
            ADD CONSTRAINT "FK_7c29b3746418e2544300e2f8984" FOREIGN KEY ("part_id") REFERENCES "parts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_runs"
            ADD CONSTRAINT "FK_05a8b6abc2e17d001f0ba1f9419" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_run_items"
            ADD CONSTRAINT "FK_0de9f9d9a33635917f51db2d659" FOREIGN KEY ("run_id") REFERENCES "certificate_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_run_items"
            ADD CONSTRAINT "FK_334df6123c571a91010f06f86f9" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_run_items"
            ADD CONSTRAINT "FK_2134e1d5509fca760848397e0cc" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_run_items"
            ADD CONSTRAINT "FK_b64c738f670e45a5bda9c205e61" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "certificate_run_items" DROP CONSTRAINT "FK_b64c738f670e45a5bda9c205e61"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_run_items" DROP CONSTRAINT "FK_2134e1d5509fca760848397e0cc"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_run_items" DROP CONSTRAINT "FK_334df6123c571a91010f06f86f9"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_run_items" DROP CONSTRAINT "FK_0de9f9d9a33635917f51db2d659"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_runs" DROP CONSTRAINT "FK_05a8b6abc2e17d001f0ba1f9419"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_runs" DROP CONSTRAINT "FK_7c29b3746418e2544300e2f8984"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_runs" DROP CONSTRAINT "FK_91cef5ed5278725f2fc783f320a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_certificate_run_items_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b64c738f670e45a5bda9c205e6"
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_run_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_certificate_runs_active_cohort"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_91cef5ed5278725f2fc783f320"
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_runs"
        `);
  }
}
