import { MigrationInterface, QueryRunner } from 'typeorm';

export class Coursework1795615764013 implements MigrationInterface {
  name = 'Coursework1795615764013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid,
                "part_id" uuid,
                "title" character varying(300) NOT NULL,
                "brief" text NOT NULL DEFAULT '',
                "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cutoff_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "max_files" integer NOT NULL DEFAULT '5',
                "max_file_size_mb" integer NOT NULL DEFAULT '20',
                "accepted_types" character varying(10) array NOT NULL DEFAULT '{pdf,docx,xlsx,pptx,odt,zip,png,jpg}',
                "allow_text" boolean NOT NULL DEFAULT true,
                "grading_type" character varying(20) NOT NULL,
                "max_points" numeric(7, 2),
                "pass_mark" numeric(7, 2),
                "required_for_completion" boolean NOT NULL DEFAULT true,
                "reminder_offsets_hours" integer array NOT NULL DEFAULT '{72,24}',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_fb0bd69e4173b0f65e7129e9a2" CHECK (
                    "grading_type" = 'pass_fail'
                    OR (
                        "max_points" IS NOT NULL
                        AND "pass_mark" IS NOT NULL
                        AND "pass_mark" <= "max_points"
                    )
                ),
                CONSTRAINT "CHK_5d6404840d1328f76db95b4a7d" CHECK (
                    "max_files" BETWEEN 0 AND 50
                    AND "max_file_size_mb" BETWEEN 1 AND 1024
                ),
                CONSTRAINT "CHK_e4983d403973bed09a8ca2b31f" CHECK (
                    "due_at" >= "opens_at"
                    AND "cutoff_at" >= "due_at"
                ),
                CONSTRAINT "CHK_75279d61ec6664ebcdd3ea7d78" CHECK (("part_id" IS NULL) <> ("cohort_id" IS NULL)),
                CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3a4f0acaa50db2b5049f191ec5" ON "assignments" ("cohort_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c4e95134cec866478b623dc8c7" ON "assignments" ("part_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0b3324d0de891ca48244a0574e" ON "assignments" ("due_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "assignment_attachments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "mime_type" character varying(100) NOT NULL,
                "size" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_f841ab276d93e1eb81aa858f57c" UNIQUE ("storage_key"),
                CONSTRAINT "PK_d0f6fe43c08fe7471ab6a7ce15d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f4431fb75d14db5baa6462a06d" ON "assignment_attachments" ("assignment_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "extensions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cutoff_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" character varying(500) NOT NULL,
                "granted_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_be2e858a34ebc30cd0489e9538" CHECK ("cutoff_at" >= "due_at"),
                CONSTRAINT "PK_3632b8148c8f511650d3f3eda06" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b33960bb63fa9d4bb12bd6bbef" ON "extensions" ("assignment_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "submitted_version" integer NOT NULL DEFAULT '0',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "late_seconds" integer NOT NULL DEFAULT '0',
                "returned_at" TIMESTAMP WITH TIME ZONE,
                "revision_due_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_fca12c4ddd646dea4572c6815a" ON "submissions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e25e75ed85ca1ba8b32fde8d17" ON "submissions" ("submitted_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_6693f1fa3e97d36c97d8704804" ON "submissions" ("assignment_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "grades" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "version_number" integer NOT NULL,
                "score" numeric(7, 2),
                "passed" boolean NOT NULL,
                "feedback" text NOT NULL DEFAULT '',
                "feedback_file_key" character varying(200),
                "feedback_file_name" character varying(255),
                "feedback_file_mime_type" character varying(100),
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "released_at" TIMESTAMP WITH TIME ZONE,
                "graded_by_id" uuid,
                "revision" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_1c4cb009d5088c8ea87efc169a3" UNIQUE ("feedback_file_key"),
                CONSTRAINT "REL_f573ccb37f87e9ef83c31308bc" UNIQUE ("submission_id"),
                CONSTRAINT "PK_4740fb6f5df2505a48649f1687b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f573ccb37f87e9ef83c31308bc" ON "grades" ("submission_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "text" text NOT NULL DEFAULT '',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "late_seconds" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_47df3ef399d70ac2133f7d07090" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_0a2cbc4ba8ef9810603bdeb8de" ON "submission_versions" ("submission_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "submission_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "mime_type" character varying(100) NOT NULL,
                "size" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_b4fd4c780804ee46c802b4d87c8" UNIQUE ("storage_key"),
                CONSTRAINT "PK_5a50c4ff6bd91c77fe659c86b6f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e9faaeb815885158b37c448839" ON "submission_files" ("version_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_3a4f0acaa50db2b5049f191ec57" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments"
            ADD CONSTRAINT "FK_c4e95134cec866478b623dc8c7e" FOREIGN KEY ("part_id") REFERENCES "parts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assignment_attachments"
            ADD CONSTRAINT "FK_f4431fb75d14db5baa6462a06d8" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "extensions"
            ADD CONSTRAINT "FK_f62e7479ad76ebd036f05d8f50a" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "extensions"
            ADD CONSTRAINT "FK_749634f96a8912d0bf75dc4bb8e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_8723840b9b0464206640c268abc" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_fca12c4ddd646dea4572c6815a9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "grades"
            ADD CONSTRAINT "FK_f573ccb37f87e9ef83c31308bce" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD CONSTRAINT "FK_ad0247bc4a35b683313e99290d9" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_files"
            ADD CONSTRAINT "FK_e9faaeb815885158b37c4488397" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "submission_files" DROP CONSTRAINT "FK_e9faaeb815885158b37c4488397"
        `);
    await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP CONSTRAINT "FK_ad0247bc4a35b683313e99290d9"
        `);
    await queryRunner.query(`
            ALTER TABLE "grades" DROP CONSTRAINT "FK_f573ccb37f87e9ef83c31308bce"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_fca12c4ddd646dea4572c6815a9"
        `);
    await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_8723840b9b0464206640c268abc"
        `);
    await queryRunner.query(`
            ALTER TABLE "extensions" DROP CONSTRAINT "FK_749634f96a8912d0bf75dc4bb8e"
        `);
    await queryRunner.query(`
            ALTER TABLE "extensions" DROP CONSTRAINT "FK_f62e7479ad76ebd036f05d8f50a"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignment_attachments" DROP CONSTRAINT "FK_f4431fb75d14db5baa6462a06d8"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_c4e95134cec866478b623dc8c7e"
        `);
    await queryRunner.query(`
            ALTER TABLE "assignments" DROP CONSTRAINT "FK_3a4f0acaa50db2b5049f191ec57"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e9faaeb815885158b37c448839"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_files"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0a2cbc4ba8ef9810603bdeb8de"
        `);
    await queryRunner.query(`
            DROP TABLE "submission_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f573ccb37f87e9ef83c31308bc"
        `);
    await queryRunner.query(`
            DROP TABLE "grades"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6693f1fa3e97d36c97d8704804"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e25e75ed85ca1ba8b32fde8d17"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fca12c4ddd646dea4572c6815a"
        `);
    await queryRunner.query(`
            DROP TABLE "submissions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b33960bb63fa9d4bb12bd6bbef"
        `);
    await queryRunner.query(`
            DROP TABLE "extensions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f4431fb75d14db5baa6462a06d"
        `);
    await queryRunner.query(`
            DROP TABLE "assignment_attachments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0b3324d0de891ca48244a0574e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c4e95134cec866478b623dc8c7"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3a4f0acaa50db2b5049f191ec5"
        `);
    await queryRunner.query(`
            DROP TABLE "assignments"
        `);
  }
}
