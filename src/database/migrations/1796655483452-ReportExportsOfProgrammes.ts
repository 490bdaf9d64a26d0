import { MigrationInterface, QueryRunner } from 'typeorm';

/** Background exports of a programme's reports too: its indicators, an indicator's records, and the completion funnels. */
export class ReportExportsOfProgrammes1796655483452 implements MigrationInterface {
  name = 'ReportExportsOfProgrammes1796655483452';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "CHK_17dcce565204b4ec051a08f4b7"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "CHK_02e14efb6c98b88416a248508b" CHECK (
                    "report" IN (
                        'attendance',
                        'gradebook',
                        'record',
                        'register',
                        'cohort_register',
                        'indicators',
                        'indicator',
                        'programme_funnel',
                        'part_funnel',
                        'cohort_funnel'
                    )
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "CHK_02e14efb6c98b88416a248508b"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "CHK_17dcce565204b4ec051a08f4b7" CHECK (
                    (
                        (report)::text = ANY (
                            (
                                ARRAY ['attendance'::character varying, 'gradebook'::character varying, 'record'::character varying, 'register'::character varying, 'cohort_register'::character varying]
                            )::text []
                        )
                    )
                )
        `);
  }
}
