import { MigrationInterface, QueryRunner } from 'typeorm';

export class GradeFeedbackFileSize1795616648504 implements MigrationInterface {
  name = 'GradeFeedbackFileSize1795616648504';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "grades"
            ADD "feedback_file_size" bigint
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "grades" DROP COLUMN "feedback_file_size"
        `);
  }
}
