import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates' Open Badges 3.0 credentials: the signed JSON of each, stored once when it is issued and the key
 * that signed it.
 */
export class CertificateBadges1796653328004 implements MigrationInterface {
  name = 'CertificateBadges1796653328004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "certificate_badges" (
                "certificate_id" uuid NOT NULL,
                "credential" text NOT NULL,
                "verification_method" character varying(500) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b2f4a18807b9e0eadc0c3dae8a6" PRIMARY KEY ("certificate_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "certificate_badges"
            ADD CONSTRAINT "FK_b2f4a18807b9e0eadc0c3dae8a6" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "certificate_badges" DROP CONSTRAINT "FK_b2f4a18807b9e0eadc0c3dae8a6"
        `);
    await queryRunner.query(`
            DROP TABLE "certificate_badges"
        `);
  }
}
