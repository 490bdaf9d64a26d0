import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports written to files in the background (`report_exports`): who asked for which report, its progress, and
 * the stored file with the time its download link stops working.
 */
export class ReportExports1796640459330 implements MigrationInterface {
  name = 'ReportExports1796640459330';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "report_exports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "requested_by_id" uuid NOT NULL,
                "report" character varying(20) NOT NULL,
                "subject_id" uuid NOT NULL,
                "format" character varying(10) NOT NULL,
                "params" jsonb NOT NULL DEFAULT '{}',
                "language" character varying(2) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'queued',
                "rows_done" integer NOT NULL DEFAULT '0',
                "rows_total" integer,
                "file_key" character varying(200),
                "file_name" character varying(255),
                "file_size" bigint,
                "error" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_66ed9a724fc1535b63af224df9a" UNIQUE ("file_key"),
                CONSTRAINT "CHK_9d76537e434664268cf3f5a89b" CHECK (
                    "report" IN ('attendance', 'gradebook', 'record')
                ),
                CONSTRAINT "CHK_86ad854a09cbc6964675d20935" CHECK ("format" IN ('csv', 'xlsx')),
                CONSTRAINT "CHK_7c18244a33adc7a50ac26ab108" CHECK (
                    "status" IN ('queued', 'running', 'done', 'failed')
                ),
                CONSTRAINT "PK_831f34e4d6c47ec2bb42a614465" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_37c8f6c056c24a431a48b7f104" ON "report_exports" ("requested_by_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2bd903d62cc0f47ca8af900daa" ON "report_exports" ("expires_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "FK_37c8f6c056c24a431a48b7f1041" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "FK_37c8f6c056c24a431a48b7f1041"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2bd903d62cc0f47ca8af900daa"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_37c8f6c056c24a431a48b7f104"
        `);
    await queryRunner.query(`
            DROP TABLE "report_exports"
        `);
  }
}
