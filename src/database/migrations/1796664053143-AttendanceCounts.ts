import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = ['present', 'late', 'excused', 'absent'];

/** Marks (`rows`: session_id, user_id, status) per cohort and trainee and status, times `sign`, at sessions not cancelled. */
const perTrainee = (rows: string, sign: number) => `
  SELECT s.cohort_id, r.user_id,
         ${STATUSES.map((status) => `${sign} * count(*) FILTER (WHERE r.status = '${status}') AS ${status}`).join(', ')}
    FROM ${rows} r JOIN sessions s ON s.id = r.session_id
   WHERE s.status = 'scheduled'
   GROUP BY s.cohort_id, r.user_id`;

/** Marks per session, times `sign`. */
const perSession = (rows: string, sign: number) => `SELECT r.session_id, ${sign} * count(*) AS marks FROM ${rows} r GROUP BY r.session_id`;

/**
 * Adds changes to the counts in the order of their keys, so two changes of one cohort at once take turns rather
 * than deadlock; a row is made when a trainee's first mark there counts.
 */
const addToTrainees = (changes: string) => `
  INSERT INTO attendance_counts AS c (cohort_id, user_id, ${STATUSES.join(', ')})
  SELECT d.cohort_id, d.user_id, ${STATUSES.map((status) => `sum(d.${status})`).join(', ')}
    FROM (${changes}) d
   GROUP BY d.cohort_id, d.user_id
  HAVING ${STATUSES.map((status) => `sum(d.${status}) <> 0`).join(' OR ')}
   ORDER BY d.cohort_id, d.user_id
  ON CONFLICT (cohort_id, user_id) DO UPDATE
     SET ${STATUSES.map((status) => `${status} = c.${status} + EXCLUDED.${status}`).join(', ')}`;

const addToSessions = (changes: string) => `
  INSERT INTO session_mark_counts AS c (session_id, marks)
  SELECT d.session_id, sum(d.marks) FROM (${changes}) d
   GROUP BY d.session_id HAVING sum(d.marks) <> 0 ORDER BY d.session_id
  ON CONFLICT (session_id) DO UPDATE SET marks = c.marks + EXCLUDED.marks`;

/**
 * Takes marks away from the counts, never making a row: one that is gone went with its cohort, trainee or session
 * (deleted in the same statement), whose marks go too. Rows are locked first in the order of their keys.
 */
const takeFromTrainees = (marks: string) => `
  PERFORM 1 FROM attendance_counts c JOIN (${marks}) d ON d.cohort_id = c.cohort_id AND d.user_id = c.user_id
    ORDER BY c.cohort_id, c.user_id FOR UPDATE OF c;
  UPDATE attendance_counts c SET ${STATUSES.map((status) => `${status} = c.${status} - d.${status}`).join(', ')}
    FROM (${marks}) d
   WHERE d.cohort_id = c.cohort_id AND d.user_id = c.user_id`;

const takeFromSessions = (marks: string) => `
  PERFORM 1 FROM session_mark_counts c JOIN (${marks}) d ON d.session_id = c.session_id ORDER BY c.session_id FOR UPDATE OF c;
  UPDATE session_mark_counts c SET marks = c.marks - d.marks FROM (${marks}) d WHERE d.session_id = c.session_id`;

/** A session's marks (the trigger's OLD or NEW row), counted for its cohort whatever its status now. */
const sessionMarks = (row: 'OLD' | 'NEW') => `
  SELECT ${row}.cohort_id AS cohort_id, a.user_id,
         ${STATUSES.map((status) => `count(*) FILTER (WHERE a.status = '${status}') AS ${status}`).join(', ')}
    FROM attendances a WHERE a.session_id = ${row}.id
   GROUP BY a.user_id`;

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
    await queryRunner.query(`
            CREATE FUNCTION attendance_counts_on_marks() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                ${addToTrainees(perTrainee('new_marks', 1))};
                ${addToSessions(perSession('new_marks', 1))};
              ELSIF TG_OP = 'UPDATE' THEN
                ${addToTrainees(`${perTrainee('new_marks', 1)} UNION ALL ${perTrainee('old_marks', -1)}`)};
                ${addToSessions(`${perSession('new_marks', 1)} UNION ALL ${perSession('old_marks', -1)}`)};
              ELSE
                ${takeFromTrainees(perTrainee('old_marks', 1))};
                ${takeFromSessions(perSession('old_marks', 1))};
              END IF;
              RETURN NULL;
            END $$
        `);
    for (const [event, tables] of [
      ['INSERT', 'NEW TABLE AS new_marks'],
      ['UPDATE', 'OLD TABLE AS old_marks NEW TABLE AS new_marks'],
      ['DELETE', 'OLD TABLE AS old_marks'],
    ])
      await queryRunner.query(`
                CREATE TRIGGER attendance_counts_${event.toLowerCase()} AFTER ${event} ON attendances
                REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION attendance_counts_on_marks()
            `);
    await queryRunner.query(`
            CREATE FUNCTION attendance_counts_on_session() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                IF OLD.status = 'scheduled' THEN ${takeFromTrainees(sessionMarks('OLD'))}; END IF;
                RETURN OLD;
              END IF;
              IF OLD.status = 'scheduled' AND (NEW.status <> 'scheduled' OR NEW.cohort_id <> OLD.cohort_id) THEN
                ${takeFromTrainees(sessionMarks('OLD'))};
              END IF;
              IF NEW.status = 'scheduled' AND (OLD.status <> 'scheduled' OR NEW.cohort_id <> OLD.cohort_id) THEN
                ${addToTrainees(sessionMarks('NEW'))};
              END IF;
              RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER attendance_counts_session_change AFTER UPDATE OF status, cohort_id ON sessions
            FOR EACH ROW EXECUTE FUNCTION attendance_counts_on_session()
        `);
    await queryRunner.query(`
            CREATE TRIGGER attendance_counts_session_delete BEFORE DELETE ON sessions
            FOR EACH ROW EXECUTE FUNCTION attendance_counts_on_session()
        `);
    await queryRunner.query(`INSERT INTO attendance_counts (cohort_id, user_id, ${STATUSES.join(', ')}) ${perTrainee('attendances', 1)}`);
    await queryRunner.query(`INSERT INTO session_mark_counts (session_id, marks) ${perSession('attendances', 1)}`);
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
