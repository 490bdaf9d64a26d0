import { MigrationInterface, QueryRunner } from 'typeorm';

export class Exams1796628842440 implements MigrationInterface {
  name = 'Exams1796628842440';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "exams" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cohort_id" uuid NOT NULL,
                "session_id" uuid,
                "title" character varying(300) NOT NULL,
                "mode" character varying(20) NOT NULL,
                "pass_mark" numeric(8, 2) NOT NULL,
                "pass_mark_unit" character varying(10) NOT NULL DEFAULT 'percent',
                "max_points" numeric(8, 2) NOT NULL,
                "opens_at" TIMESTAMP WITH TIME ZONE,
                "closes_at" TIMESTAMP WITH TIME ZONE,
                "time_limit_minutes" integer,
                "attempts_allowed" integer NOT NULL DEFAULT '1',
                "selection" jsonb,
                "shuffle_questions" boolean NOT NULL DEFAULT false,
                "shuffle_choices" boolean NOT NULL DEFAULT false,
                "results_shown" character varying(20) NOT NULL DEFAULT 'on_release',
                "retake_of_id" uuid,
                "released_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_5da3c2260eb0509c746f41e6ed" CHECK ("results_shown" IN ('at_once', 'on_release')),
                CONSTRAINT "CHK_7d9ad065accab7355f2b1a2a0e" CHECK ("pass_mark_unit" IN ('points', 'percent')),
                CONSTRAINT "CHK_bf6fb6bb79ec6824a452c12cce" CHECK ("mode" IN ('online', 'in_person')),
                CONSTRAINT "CHK_5f3d4d570b13f5fb518dc1a288" CHECK ("attempts_allowed" >= 1),
                CONSTRAINT "CHK_edd4cef2191f473cf06ed11a40" CHECK (
                    "closes_at" IS NULL
                    OR "opens_at" IS NULL
                    OR "closes_at" > "opens_at"
                ),
                CONSTRAINT "PK_b43159ee3efa440952794b4f53e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_226c75db6831e96cf08f3a001d" ON "exams" ("cohort_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_02383ddef36804aa9a9d7ea4d5" ON "exams" ("session_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_df668057741462fbcb7b7ac242" ON "exams" ("retake_of_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_accommodations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "exam_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "time_factor" numeric(4, 2) NOT NULL DEFAULT '1',
                "extra_minutes" integer NOT NULL DEFAULT '0',
                "extra_attempts" integer NOT NULL DEFAULT '0',
                "opens_at" TIMESTAMP WITH TIME ZONE,
                "closes_at" TIMESTAMP WITH TIME ZONE,
                "note" text NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_053d2dc02efd740a721321237f" CHECK ("extra_attempts" >= 0),
                CONSTRAINT "CHK_bdfcd117cb2f299a73cc136806" CHECK ("extra_minutes" >= 0),
                CONSTRAINT "CHK_18d31be16983e9569665b77fb2" CHECK ("time_factor" >= 1),
                CONSTRAINT "PK_1505fe74f75b9125dce8a60bb48" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_fc19df1db28b61ffb00709687d" ON "exam_accommodations" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_95d5c9738dc908a0977c38af54" ON "exam_accommodations" ("exam_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_attempts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "exam_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'in_progress',
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_by" character varying(20),
                "seed" text NOT NULL,
                "score" numeric(8, 2),
                "max_points" numeric(8, 2) NOT NULL,
                "needs_marking" boolean NOT NULL DEFAULT false,
                CONSTRAINT "CHK_a62a46564a7dc17cdd288c4d4e" CHECK ("status" IN ('in_progress', 'submitted')),
                CONSTRAINT "PK_4eb6c7775e0a9c178ef7f4826f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b916abc8486fe8533288d72e7b" ON "exam_attempts" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_exam_attempts_due" ON "exam_attempts" ("deadline_at")
            WHERE "status" = 'in_progress'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_exam_attempts_one_in_progress" ON "exam_attempts" ("exam_id", "user_id")
            WHERE "status" = 'in_progress'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c4197dbacf0740d7bbabfe9ee0" ON "exam_attempts" ("exam_id", "user_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_attempt_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "attempt_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "detail" jsonb NOT NULL DEFAULT '{}',
                "ip" character varying(45),
                CONSTRAINT "PK_d5ca6897ec47b1482952934439e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_59ed9d29cac945b208e58e1961" ON "exam_attempt_events" ("attempt_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_attempt_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "attempt_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "question_version_id" uuid NOT NULL,
                "points" numeric(8, 2) NOT NULL,
                "choice_order" jsonb,
                "response" jsonb,
                "response_seq" integer NOT NULL DEFAULT '0',
                "saved_at" TIMESTAMP WITH TIME ZONE,
                "flagged" boolean NOT NULL DEFAULT false,
                "mark_state" character varying(20) NOT NULL DEFAULT 'unanswered',
                "fraction" numeric(6, 4),
                "awarded" numeric(8, 2),
                "feedback" text NOT NULL DEFAULT '',
                "marked_by_id" uuid,
                "marked_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL,
                CONSTRAINT "PK_7834bdfc204f118abe48bddfa62" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_192c24e5769c1636bc428abb2e" ON "exam_attempt_items" ("question_version_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_35e1ea91d86f7ce7f55bc99bfe" ON "exam_attempt_items" ("attempt_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_late_answers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "attempt_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "response" jsonb,
                "seq" integer NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_dc7f7fd99b35374a0847ad6d8c0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3bb77a00731d15b24deedff098" ON "exam_late_answers" ("attempt_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_results" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "exam_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "score" numeric(8, 2),
                "attempt_id" uuid,
                "overridden_reason" text,
                "version" integer NOT NULL,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_e9f97f25864c37c0610d2c7be8" CHECK (
                    "status" IN (
                        'pending',
                        'passed',
                        'failed',
                        'absent',
                        'excused'
                    )
                ),
                CONSTRAINT "PK_07d4ea139ed7ca111c75df2de12" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_295d66c4982926c06f4e35fb63" ON "exam_results" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3cf1b07a4b40396dd6e1b23f9f" ON "exam_results" ("exam_id", "user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "exams"
            ADD CONSTRAINT "FK_226c75db6831e96cf08f3a001de" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exams"
            ADD CONSTRAINT "FK_02383ddef36804aa9a9d7ea4d51" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exams"
            ADD CONSTRAINT "FK_df668057741462fbcb7b7ac2420" FOREIGN KEY ("retake_of_id") REFERENCES "exams"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_accommodations"
            ADD CONSTRAINT "FK_a1bf84a7173e34e966aa608aa30" FOREIGN KEY ("exam_id") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_accommodations"
            ADD CONSTRAINT "FK_fc19df1db28b61ffb00709687d6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempts"
            ADD CONSTRAINT "FK_cccf5df8532bd51cf017f4a30a6" FOREIGN KEY ("exam_id") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempts"
            ADD CONSTRAINT "FK_b916abc8486fe8533288d72e7bc" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_events"
            ADD CONSTRAINT "FK_6c317b2925eca12930063fd3ad0" FOREIGN KEY ("attempt_id") REFERENCES "exam_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_items"
            ADD CONSTRAINT "FK_2eb84ac34a4dfee08a04d53075d" FOREIGN KEY ("attempt_id") REFERENCES "exam_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_items"
            ADD CONSTRAINT "FK_192c24e5769c1636bc428abb2e9" FOREIGN KEY ("question_version_id") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_late_answers"
            ADD CONSTRAINT "FK_3bb77a00731d15b24deedff0986" FOREIGN KEY ("attempt_id") REFERENCES "exam_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_results"
            ADD CONSTRAINT "FK_587fe839f813c89f1a4ce0610f0" FOREIGN KEY ("exam_id") REFERENCES "exams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_results"
            ADD CONSTRAINT "FK_295d66c4982926c06f4e35fb634" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_results"
            ADD CONSTRAINT "FK_ca9438507725641c545fde95aff" FOREIGN KEY ("attempt_id") REFERENCES "exam_attempts"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "exam_results" DROP CONSTRAINT "FK_ca9438507725641c545fde95aff"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_results" DROP CONSTRAINT "FK_295d66c4982926c06f4e35fb634"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_results" DROP CONSTRAINT "FK_587fe839f813c89f1a4ce0610f0"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_late_answers" DROP CONSTRAINT "FK_3bb77a00731d15b24deedff0986"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_items" DROP CONSTRAINT "FK_192c24e5769c1636bc428abb2e9"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_items" DROP CONSTRAINT "FK_2eb84ac34a4dfee08a04d53075d"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_events" DROP CONSTRAINT "FK_6c317b2925eca12930063fd3ad0"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempts" DROP CONSTRAINT "FK_b916abc8486fe8533288d72e7bc"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempts" DROP CONSTRAINT "FK_cccf5df8532bd51cf017f4a30a6"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_accommodations" DROP CONSTRAINT "FK_fc19df1db28b61ffb00709687d6"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_accommodations" DROP CONSTRAINT "FK_a1bf84a7173e34e966aa608aa30"
        `);
    await queryRunner.query(`
            ALTER TABLE "exams" DROP CONSTRAINT "FK_df668057741462fbcb7b7ac2420"
        `);
    await queryRunner.query(`
            ALTER TABLE "exams" DROP CONSTRAINT "FK_02383ddef36804aa9a9d7ea4d51"
        `);
    await queryRunner.query(`
            ALTER TABLE "exams" DROP CONSTRAINT "FK_226c75db6831e96cf08f3a001de"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3cf1b07a4b40396dd6e1b23f9f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_295d66c4982926c06f4e35fb63"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_results"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3bb77a00731d15b24deedff098"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_late_answers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_35e1ea91d86f7ce7f55bc99bfe"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_192c24e5769c1636bc428abb2e"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_attempt_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_59ed9d29cac945b208e58e1961"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_attempt_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c4197dbacf0740d7bbabfe9ee0"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_exam_attempts_one_in_progress"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_exam_attempts_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b916abc8486fe8533288d72e7b"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_attempts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_95d5c9738dc908a0977c38af54"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fc19df1db28b61ffb00709687d"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_accommodations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_df668057741462fbcb7b7ac242"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_02383ddef36804aa9a9d7ea4d5"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_226c75db6831e96cf08f3a001d"
        `);
    await queryRunner.query(`
            DROP TABLE "exams"
        `);
  }
}
