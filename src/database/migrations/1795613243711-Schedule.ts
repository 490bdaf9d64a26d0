import { MigrationInterface, QueryRunner } from 'typeorm';

export class Schedule1795613243711 implements MigrationInterface {
  name = 'Schedule1795613243711';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "parts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "title_lv" character varying(300) NOT NULL,
                "title_en" character varying(300),
                "description_lv" text NOT NULL DEFAULT '',
                "description_en" text NOT NULL DEFAULT '',
                "academic_hours" integer NOT NULL DEFAULT '0',
                "min_attendance_percent" integer NOT NULL DEFAULT '0',
                "requires_independent_work" boolean NOT NULL DEFAULT false,
                "requires_final_exam" boolean NOT NULL DEFAULT false,
                "closes_with_seminar" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_1f673378b6a618380225b947d1" CHECK ("academic_hours" >= 0),
                CONSTRAINT "CHK_f50682705edf139a0ab5796b05" CHECK (
                    "min_attendance_percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_daa5595bb8933f49ac00c9ebc79" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5430fb4d98556935b8f5bc5ca3" ON "parts" ("programme_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "cohorts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "part_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "capacity" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_fb0f1244fc854849d94ee01cab" CHECK ("capacity" > 0),
                CONSTRAINT "CHK_e027cd46330164382cf11d0ace" CHECK ("ends_on" >= "starts_on"),
                CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a7b6cec25a991eb30f57d0f4cd" ON "cohorts" ("part_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "title" character varying(300) NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "address" character varying(300),
                "room" character varying(100),
                "online_url" character varying(500),
                "hosts" character varying(300),
                "sites_visited" character varying(300) array NOT NULL DEFAULT '{}',
                "notes" text NOT NULL DEFAULT '',
                "status" character varying(20) NOT NULL DEFAULT 'scheduled',
                "cancellation_reason" character varying(500),
                "sequence" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_57fe47affd455a99edc7d56cfd" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aec998210d47b765d7e99d3f7a" ON "sessions" ("starts_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c690dd568ece07f1a17057aab5" ON "sessions" ("cohort_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "attendances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "marked_by_id" uuid,
                "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_483ed97cd4cd43ab4a117516b69" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aa902e05aeb5fde7c1dd4ced2b" ON "attendances" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fdcaaaf977f1aa42076c4d005c" ON "attendances" ("session_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "enrolments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "waitlisted_at" TIMESTAMP WITH TIME ZONE,
                "enrolled_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "withdrawal_reason" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7eb4b01f52fb0ce0e3136d87c7" ON "enrolments" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3e3be107bc3fb1bbe8e5629a88" ON "enrolments" ("cohort_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_4174da08792a9e3a12b7ffa13a" ON "enrolments" ("cohort_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "materials" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "part_id" uuid,
                "cohort_id" uuid,
                "title" character varying(300) NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "mime_type" character varying(100) NOT NULL,
                "size" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "uploaded_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_507d8e8c57010afec787a011115" UNIQUE ("storage_key"),
                CONSTRAINT "CHK_44421c6bd8f43f12a1d8225ccd" CHECK (("part_id" IS NULL) <> ("cohort_id" IS NULL)),
                CONSTRAINT "PK_2fd1a93ecb222a28bef28663fa0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_88be08f242a696c4b47506bede" ON "materials" ("part_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b4015129b568d769cf0066181a" ON "materials" ("cohort_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "indicators" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "name_lv" character varying(300) NOT NULL,
                "name_en" character varying(300),
                "metric" character varying(40) NOT NULL,
                "target" integer NOT NULL,
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f3a796e69776b6b32dd8252195" ON "indicators" ("programme_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "programmes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title_lv" character varying(300) NOT NULL,
                "title_en" character varying(300),
                "description_lv" text NOT NULL DEFAULT '',
                "description_en" text NOT NULL DEFAULT '',
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "project_title" character varying(500) NOT NULL,
                "agreement_number" character varying(100) NOT NULL,
                "funder" character varying(200) NOT NULL,
                "cofinancing_percent" numeric(5, 2) NOT NULL DEFAULT '100',
                "partners" character varying(200) array NOT NULL DEFAULT '{}',
                "funding_statement" text NOT NULL,
                "logo_key" character varying(200),
                "logo_mime_type" character varying(100),
                "reminder_offsets_hours" integer array NOT NULL DEFAULT '{24}',
                "study_visit_offsets_hours" integer array NOT NULL DEFAULT '{72,24}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "session_changes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "old_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "old_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "new_starts_at" TIMESTAMP WITH TIME ZONE,
                "new_ends_at" TIMESTAMP WITH TIME ZONE,
                "reason" character varying(500) NOT NULL,
                "changed_by_id" uuid,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_29318f45c6466adce2b07156edb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_27c9250164d1a0a672f4cdeea3" ON "session_changes" ("session_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "cohort_instructors" (
                "cohort_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_b2871724db093738a3124191bed" PRIMARY KEY ("cohort_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_95350ae0f1377aa05fc65fb5cb" ON "cohort_instructors" ("cohort_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_74782e7a22f4f4c771d28c7cc6" ON "cohort_instructors" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "session_instructors" (
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_adb8ea26662800d702cfdf6d943" PRIMARY KEY ("session_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b8b1cd57dd2016250a1dd84314" ON "session_instructors" ("session_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_de08169f6edce2ae593cbea35c" ON "session_instructors" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "calendar_feed_version" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "parts"
            ADD CONSTRAINT "FK_e3479efde9bea5676d70b0262c0" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD CONSTRAINT "FK_a7b6cec25a991eb30f57d0f4cd2" FOREIGN KEY ("part_id") REFERENCES "parts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_22805df30227186971d070122ab" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attendances"
            ADD CONSTRAINT "FK_ccb4752e27a2927234e1f3dc960" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attendances"
            ADD CONSTRAINT "FK_aa902e05aeb5fde7c1dd4ced2b7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_0e675e00a0c3497c936092fdbb6" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "materials"
            ADD CONSTRAINT "FK_88be08f242a696c4b47506bedeb" FOREIGN KEY ("part_id") REFERENCES "parts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "materials"
            ADD CONSTRAINT "FK_b4015129b568d769cf0066181ad" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators"
            ADD CONSTRAINT "FK_11084def628b6d0dd9d4a69e000" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session_changes"
            ADD CONSTRAINT "FK_27c9250164d1a0a672f4cdeea38" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cohort_instructors"
            ADD CONSTRAINT "FK_95350ae0f1377aa05fc65fb5cb9" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "cohort_instructors"
            ADD CONSTRAINT "FK_74782e7a22f4f4c771d28c7cc6d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "session_instructors"
            ADD CONSTRAINT "FK_b8b1cd57dd2016250a1dd843142" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "session_instructors"
            ADD CONSTRAINT "FK_de08169f6edce2ae593cbea35c3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "session_instructors" DROP CONSTRAINT "FK_de08169f6edce2ae593cbea35c3"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_instructors" DROP CONSTRAINT "FK_b8b1cd57dd2016250a1dd843142"
        `);
    await queryRunner.query(`
            ALTER TABLE "cohort_instructors" DROP CONSTRAINT "FK_74782e7a22f4f4c771d28c7cc6d"
        `);
    await queryRunner.query(`
            ALTER TABLE "cohort_instructors" DROP CONSTRAINT "FK_95350ae0f1377aa05fc65fb5cb9"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_changes" DROP CONSTRAINT "FK_27c9250164d1a0a672f4cdeea38"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators" DROP CONSTRAINT "FK_11084def628b6d0dd9d4a69e000"
        `);
    await queryRunner.query(`
            ALTER TABLE "materials" DROP CONSTRAINT "FK_b4015129b568d769cf0066181ad"
        `);
    await queryRunner.query(`
            ALTER TABLE "materials" DROP CONSTRAINT "FK_88be08f242a696c4b47506bedeb"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_0e675e00a0c3497c936092fdbb6"
        `);
    await queryRunner.query(`
            ALTER TABLE "attendances" DROP CONSTRAINT "FK_aa902e05aeb5fde7c1dd4ced2b7"
        `);
    await queryRunner.query(`
            ALTER TABLE "attendances" DROP CONSTRAINT "FK_ccb4752e27a2927234e1f3dc960"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_22805df30227186971d070122ab"
        `);
    await queryRunner.query(`
            ALTER TABLE "cohorts" DROP CONSTRAINT "FK_a7b6cec25a991eb30f57d0f4cd2"
        `);
    await queryRunner.query(`
            ALTER TABLE "parts" DROP CONSTRAINT "FK_e3479efde9bea5676d70b0262c0"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "calendar_feed_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_de08169f6edce2ae593cbea35c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b8b1cd57dd2016250a1dd84314"
        `);
    await queryRunner.query(`
            DROP TABLE "session_instructors"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_74782e7a22f4f4c771d28c7cc6"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_95350ae0f1377aa05fc65fb5cb"
        `);
    await queryRunner.query(`
            DROP TABLE "cohort_instructors"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_27c9250164d1a0a672f4cdeea3"
        `);
    await queryRunner.query(`
            DROP TABLE "session_changes"
        `);
    await queryRunner.query(`
            DROP TABLE "programmes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f3a796e69776b6b32dd8252195"
        `);
    await queryRunner.query(`
            DROP TABLE "indicators"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b4015129b568d769cf0066181a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_88be08f242a696c4b47506bede"
        `);
    await queryRunner.query(`
            DROP TABLE "materials"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4174da08792a9e3a12b7ffa13a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3e3be107bc3fb1bbe8e5629a88"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7eb4b01f52fb0ce0e3136d87c7"
        `);
    await queryRunner.query(`
            DROP TABLE "enrolments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fdcaaaf977f1aa42076c4d005c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aa902e05aeb5fde7c1dd4ced2b"
        `);
    await queryRunner.query(`
            DROP TABLE "attendances"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c690dd568ece07f1a17057aab5"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aec998210d47b765d7e99d3f7a"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a7b6cec25a991eb30f57d0f4cd"
        `);
    await queryRunner.query(`
            DROP TABLE "cohorts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5430fb4d98556935b8f5bc5ca3"
        `);
    await queryRunner.query(`
            DROP TABLE "parts"
        `);
  }
}
