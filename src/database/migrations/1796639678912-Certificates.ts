import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates: each programme's template, the serial counters per programme and year (a locked row per counter
 * keeps the numbers gap-free), and the certificates as issued, with a partial unique index per holder so that
 * nobody holds two valid certificates for the same part, or for the same programme.
 */
export class Certificates1796639678912 implements MigrationInterface {
  name = 'Certificates1796639678912';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "certificate_serial_counters" (
                "programme_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "last_number" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_96ecaa91d27d67fe0c81d89411" CHECK ("last_number" >= 0),
                CONSTRAINT "PK_37d75b7822e48557b1c2f3c2c6e" PRIMARY KEY ("programme_id", "year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "certificate_templates" (
                "programme_id" uuid NOT NULL,
                "title_lv" character varying(100) NOT NULL DEFAULT 'Apliecība',
                "title_en" character varying(100) NOT NULL DEFAULT 'Certificate',
                "place_lv" character varying(200) NOT NULL,
                "place_en" character varying(200) NOT NULL,
                "learning_outcomes_lv" text array NOT NULL DEFAULT '{}',
                "learning_outcomes_en" text array NOT NULL DEFAULT '{}',
                "signatories" jsonb NOT NULL,
                "issuer_lv" character varying(300) NOT NULL,
                "issuer_en" character varying(300) NOT NULL,
                "serial_format" character varying(40) NOT NULL,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e52501c74d490dd5bc354e2a107" PRIMARY KEY ("programme_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "serial" character varying(60) NOT NULL,
                "verification_code" character(16) NOT NULL,
                "programme_id" uuid NOT NULL,
                "part_id" uuid,
                "user_id" uuid NOT NULL,
                "enrolment_ids" uuid array NOT NULL,
                "holder_name" character varying(200) NOT NULL,
                "language" character varying(2) NOT NULL,
                "programme_title" character varying(300) NOT NULL,
                "part_title" character varying(300),
                "academic_hours" integer NOT NULL,
                "issuer_name" character varying(300) NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "issued_by_id" uuid,
                "status" character varying(20) NOT NULL DEFAULT 'valid',
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by_id" uuid,
                "revocation_reason" character varying(30),
                "revocation_note" character varying(1000),
                "replaces_id" uuid,
                "file_key" character varying(200) NOT NULL,
                "file_size" integer NOT NULL,
                "sha256" character(64) NOT NULL,
                CONSTRAINT "UQ_87af1f436e42688acef033da093" UNIQUE ("serial"),
                CONSTRAINT "UQ_b8da93b1f21f3ab2f62cf685f22" UNIQUE ("verification_code"),
                CONSTRAINT "REL_1855b64447c137ba85c2428063" UNIQUE ("replaces_id"),
                CONSTRAINT "CHK_e4cfbde5aab4dfc52481af6b0a" CHECK ("language" IN ('lv', 'en')),
                CONSTRAINT "CHK_319f7652f1250c00fcfa3f3086" CHECK (
                    "revocation_reason" IS NULL
                    OR "revocation_reason" IN (
                        'issued_in_error',
                        'requirements_not_met',
                        'misconduct',
                        'holder_request',
                        'other'
                    )
                ),
                CONSTRAINT "CHK_9ef27821adec789bd747934b29" CHECK (
                    ("status" = 'revoked') = (
                        "revoked_at" IS NOT NULL
                        AND "revocation_reason" IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_81c64d73b69839760bf5faa347" CHECK ("status" IN ('valid', 'revoked', 'replaced')),
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d0223d78a84cb9652eeffa5a09" ON "certificates" ("programme_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a17cf9c956c7911c8d3a460d98" ON "certificates" ("part_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_88f90b1b9c635c14271e509cec" ON "certificates" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e0a63b7967c5694523c5b4bc9a" ON "certificates" ("sha256")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_certificates_valid_programme" ON "certificates" ("user_id", "programme_id")
            WHERE "status" = 'valid'
                AND "part_id" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_certificates_valid_part" ON "certificates" ("user_id", "part_id")
            WHERE "status" = 'valid'
                AND "part_id" IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_serial_counters"
            ADD CONSTRAINT "FK_962c7f3d679c7a2657316a89e5c" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_templates"
            ADD CONSTRAINT "FK_e52501c74d490dd5bc354e2a107" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_templates"
            ADD CONSTRAINT "FK_8bb2aec3a4eb55d418d626a630d" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_d0223d78a84cb9652eeffa5a095" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_a17cf9c956c7911c8d3a460d985" FOREIGN KEY ("part_id") REFERENCES "parts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_88f90b1b9c635c14271e509cec0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_b63987f793142760450679becb3" FOREIGN KEY ("issued_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_2786c591972a929ecbe7e50e5fa" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_1855b64447c137ba85c24280638" FOREIGN KEY ("replaces_id") REFERENCES "certificates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_1855b64447c137ba85c24280638"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_2786c591972a929ecbe7e50e5fa"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_b63987f793142760450679becb3"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_88f90b1b9c635c14271e509cec0"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_a17cf9c956c7911c8d3a460d985"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_d0223d78a84cb9652eeffa5a095"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_templates" DROP CONSTRAINT "FK_8bb2aec3a4eb55d418d626a630d"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_templates" DROP CONSTRAINT "FK_e52501c74d490dd5bc354e2a107"
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_serial_counters" DROP CONSTRAINT "FK_962c7f3d679c7a2657316a89e5c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_certificates_valid_part"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_certificates_valid_programme"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e0a63b7967c5694523c5b4bc9a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_88f90b1b9c635c14271e509cec"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a17cf9c956c7911c8d3a460d98"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d0223d78a84cb9652eeffa5a09"
        `);
    await queryRunner.query(`
            DROP TABLE "certificates"
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_templates"
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_serial_counters"
        `);
  }
}
