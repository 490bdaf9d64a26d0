import { MigrationInterface, QueryRunner } from 'typeorm';
import { FILL_COUNTS, marksTriggerFunction, sessionTriggerFunction } from '../attendance-count-triggers';

/**
 * Each trainee's marks per cohort and status (`attendance_counts`) and each session's number of marks
 * (`session_mark_counts`), kept by triggers in the transaction of every change, whoever makes it: a mark written,
 * changed or removed (also by a cascade), and a session cancelled, restored, moved to another cohort or deleted.
 * A trainee's marks count while their session is not cancelled, whenever it starts: the summaries, which count
 * sessions already started, take away the few marks of sessions still ahead. Existing marks are counted once here.
 */
export class AttendanceCounts1796664053143 implements MigrationInterface {
  name = 'AttendanceCounts1796664053143';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "attendance_counts" (
                "cohort_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "present" integer NOT NULL DEFAULT '0',
                "late" integer NOT NULL DEFAULT '0',
                "excused" integer NOT NULL DEFAULT '0',
                "absent" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_b640e345683a2ac5eafd0b1124a" PRIMARY KEY ("cohort_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "session_mark_counts" (
                "session_id" uuid NOT NULL,
                "marks" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_7da73c321b123dd27874f7c6fba" PRIMARY KEY ("session_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_counts"
            ADD CONSTRAINT "FK_1ddb37a32e1fc41aeb1c8405865" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_counts"
            ADD CONSTRAINT "FK_17881188d4cdd632a5e28d350d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session_mark_counts"
            ADD CONSTRAINT "FK_7da73c321b123dd27874f7c6fba" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(marksTriggerFunction(false).replace('OR REPLACE ', ''));
    for (const [event, tables] of [
      ['INSERT', 'NEW TABLE AS new_marks'],
      ['UPDATE', 'OLD TABLE AS old_marks NEW TABLE AS new_marks'],
      ['DELETE', 'OLD TABLE AS old_marks'],
    ])
      await queryRunner.query(`
                CREATE TRIGGER attendance_counts_${event.toLowerCase()} AFTER ${event} ON attendances
                REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION attendance_counts_on_marks()
            `);
    await queryRunner.query(sessionTriggerFunction(false).replace('OR REPLACE ', ''));
    await queryRunner.query(`
            CREATE TRIGGER attendance_counts_session_change AFTER UPDATE OF status, cohort_id ON sessions
            FOR EACH ROW EXECUTE FUNCTION attendance_counts_on_session()
        `);
    await queryRunner.query(`
            CREATE TRIGGER attendance_counts_session_delete BEFORE DELETE ON sessions
            FOR EACH ROW EXECUTE FUNCTION attendance_counts_on_session()
        `);
    for (const statement of FILL_COUNTS) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER attendance_counts_${event} ON attendances`);
    await queryRunner.query(`DROP TRIGGER attendance_counts_session_change ON sessions`);
    await queryRunner.query(`DROP TRIGGER attendance_counts_session_delete ON sessions`);
    await queryRunner.query(`DROP FUNCTION attendance_counts_on_marks()`);
    await queryRunner.query(`DROP FUNCTION attendance_counts_on_session()`);
    await queryRunner.query(`
            ALTER TABLE "session_mark_counts" DROP CONSTRAINT "FK_7da73c321b123dd27874f7c6fba"
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_counts" DROP CONSTRAINT "FK_17881188d4cdd632a5e28d350d3"
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_counts" DROP CONSTRAINT "FK_1ddb37a32e1fc41aeb1c8405865"
        `);
    await queryRunner.query(`
            DROP TABLE "session_mark_counts"
        `);
    await queryRunner.query(`
            DROP TABLE "attendance_counts"
        `);
  }
}
