import { MigrationInterface, QueryRunner } from 'typeorm';
import { marksTriggerFunction, sessionTriggerFunction } from '../attendance-count-triggers';

/**
 * The attendance counts' triggers leave alone a count whose cohort, trainee or session is being deleted: deleting a
 * programme took its cohorts' sessions one by one, and the second change to a count in that transaction had its
 * foreign key checked again against the cohort already gone.
 */
export class AttendanceCountsOfDeletedRows1796672000000 implements MigrationInterface {
  name = 'AttendanceCountsOfDeletedRows1796672000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(marksTriggerFunction(true));
    await queryRunner.query(sessionTriggerFunction(true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(marksTriggerFunction(false));
    await queryRunner.query(sessionTriggerFunction(false));
  }
}
