import { MigrationInterface, QueryRunner } from 'typeorm';

export class QuestionBank1796628686878 implements MigrationInterface {
  name = 'QuestionBank1796628686878';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "question_categories" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "part_id" uuid NOT NULL,
                "name" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c4f3431b15f8c8c2e9bf8e489e4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_374ba283ad6f8fc969d3a566a0" ON "question_categories" ("part_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "part_id" uuid NOT NULL,
                "category_id" uuid NOT NULL,
                "current_version" integer NOT NULL,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_36cead6eed9842f1501e34e371" ON "questions" ("part_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_6004e23393f2a8efe414480b75" ON "questions" ("category_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "question_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "question_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "name" text NOT NULL,
                "text" text NOT NULL,
                "points" numeric(8, 2) NOT NULL,
                "body" jsonb NOT NULL,
                "general_feedback" text NOT NULL DEFAULT '',
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cf0e5fdf563f7d8286f7d8e68ea" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_817e546fda00a5e6bd1a754911" ON "question_versions" ("question_id", "version")
        `);
    await queryRunner.query(`
            ALTER TABLE "question_categories"
            ADD CONSTRAINT "FK_7970f6f14a0de3e86a64398e411" FOREIGN KEY ("part_id") REFERENCES "parts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_36cead6eed9842f1501e34e371b" FOREIGN KEY ("part_id") REFERENCES "parts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_6004e23393f2a8efe414480b75d" FOREIGN KEY ("category_id") REFERENCES "question_categories"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "question_versions"
            ADD CONSTRAINT "FK_9c563964fa0634f79052ed9eeb9" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "question_versions"
            ADD CONSTRAINT "FK_7647b787713393ee2db4e2a0a0e" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "question_versions" DROP CONSTRAINT "FK_7647b787713393ee2db4e2a0a0e"
        `);
    await queryRunner.query(`
            ALTER TABLE "question_versions" DROP CONSTRAINT "FK_9c563964fa0634f79052ed9eeb9"
        `);
    await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_6004e23393f2a8efe414480b75d"
        `);
    await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_36cead6eed9842f1501e34e371b"
        `);
    await queryRunner.query(`
            ALTER TABLE "question_categories" DROP CONSTRAINT "FK_7970f6f14a0de3e86a64398e411"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_817e546fda00a5e6bd1a754911"
        `);
    await queryRunner.query(`
            DROP TABLE "question_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6004e23393f2a8efe414480b75"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_36cead6eed9842f1501e34e371"
        `);
    await queryRunner.query(`
            DROP TABLE "questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_374ba283ad6f8fc969d3a566a0"
        `);
    await queryRunner.query(`
            DROP TABLE "question_categories"
        `);
  }
}
