import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxUncertainResent1796624274116 implements MigrationInterface {
  name = 'OutboxUncertainResent1796624274116';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox_messages"
            ADD "uncertain_resent" boolean NOT NULL DEFAULT false
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox_messages" DROP COLUMN "uncertain_resent"
        `);
  }
}
