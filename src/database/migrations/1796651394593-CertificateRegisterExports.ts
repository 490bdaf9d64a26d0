import { MigrationInterface, QueryRunner } from 'typeorm';

/** Background exports of the certificate register: a programme's (`register`) and a cohort's (`cohort_register`). */
export class CertificateRegisterExports1796651394593 implements MigrationInterface {
  name = 'CertificateRegisterExports1796651394593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "CHK_9d76537e434664268cf3f5a89b"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "CHK_17dcce565204b4ec051a08f4b7" CHECK (
                    "report" IN (
                        'attendance',
                        'gradebook',
                        'record',
                        'register',
                        'cohort_register'
                    )
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "CHK_17dcce565204b4ec051a08f4b7"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "CHK_9d76537e434664268cf3f5a89b" CHECK (
                    (
                        (report)::text = ANY (
                            (
                                ARRAY ['attendance'::character varying, 'gradebook'::character varying, 'record'::character varying]
                            )::text []
                        )
                    )
                )
        `);
  }
}
