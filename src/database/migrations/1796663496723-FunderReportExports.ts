import { MigrationInterface, QueryRunner } from 'typeorm';

/** Background exports of the funder's report: report kind `funder`, made as a PDF. */
export class FunderReportExports1796663496723 implements MigrationInterface {
  name = 'FunderReportExports1796663496723';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "CHK_86ad854a09cbc6964675d20935"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "CHK_02e14efb6c98b88416a248508b"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "CHK_22a88e05ee48d9f838df5bd38d" CHECK (
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
                        'cohort_funnel',
                        'funder'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "CHK_fc8ec928295f8cb957eba32076" CHECK ("format" IN ('csv', 'xlsx', 'pdf'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "CHK_fc8ec928295f8cb957eba32076"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports" DROP CONSTRAINT "CHK_22a88e05ee48d9f838df5bd38d"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "CHK_02e14efb6c98b88416a248508b" CHECK (
                    (
                        (report)::text = ANY (
                            (
                                ARRAY ['attendance'::character varying, 'gradebook'::character varying, 'record'::character varying, 'register'::character varying, 'cohort_register'::character varying, 'indicators'::character varying, 'indicator'::character varying, 'programme_funnel'::character varying, 'part_funnel'::character varying, 'cohort_funnel'::character varying]
                            )::text []
                        )
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "report_exports"
            ADD CONSTRAINT "CHK_86ad854a09cbc6964675d20935" CHECK (
                    (
                        (format)::text = ANY (
                            (
                                ARRAY ['csv'::character varying, 'xlsx'::character varying]
                            )::text []
                        )
                    )
                )
        `);
  }
}
