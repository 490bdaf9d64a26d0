/**
 * The trigger functions that keep `attendance_counts` and `session_mark_counts` (migrations AttendanceCounts and
 * AttendanceCountsOfDeletedRows): each trainee's marks per cohort and status, and each session's number of marks.
 */
const STILL_THERE = 'EXISTS (SELECT 1 FROM cohorts x WHERE x.id = c.cohort_id) AND EXISTS (SELECT 1 FROM users x WHERE x.id = c.user_id)';

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
 * (deleted in the same statement), whose marks go too. Rows are locked first in the order of their keys. Guarded,
 * a row whose cohort, trainee or session is being deleted is left to go with it: changed twice in one transaction, its
 * foreign key would be checked again against a row already gone.
 */
const takeFromTrainees = (marks: string, guarded: boolean) => `
  PERFORM 1 FROM attendance_counts c JOIN (${marks}) d ON d.cohort_id = c.cohort_id AND d.user_id = c.user_id
    ORDER BY c.cohort_id, c.user_id FOR UPDATE OF c;
  UPDATE attendance_counts c SET ${STATUSES.map((status) => `${status} = c.${status} - d.${status}`).join(', ')}
    FROM (${marks}) d
   WHERE d.cohort_id = c.cohort_id AND d.user_id = c.user_id${guarded ? ` AND ${STILL_THERE}` : ''}`;

const takeFromSessions = (marks: string, guarded: boolean) => `
  PERFORM 1 FROM session_mark_counts c JOIN (${marks}) d ON d.session_id = c.session_id ORDER BY c.session_id FOR UPDATE OF c;
  UPDATE session_mark_counts c SET marks = c.marks - d.marks FROM (${marks}) d
   WHERE d.session_id = c.session_id${guarded ? ' AND EXISTS (SELECT 1 FROM sessions s WHERE s.id = c.session_id)' : ''}`;

/** A session's marks (the trigger's OLD or NEW row), counted for its cohort whatever its status now. */
const sessionMarks = (row: 'OLD' | 'NEW') => `
  SELECT ${row}.cohort_id AS cohort_id, a.user_id,
         ${STATUSES.map((status) => `count(*) FILTER (WHERE a.status = '${status}') AS ${status}`).join(', ')}
    FROM attendances a WHERE a.session_id = ${row}.id
   GROUP BY a.user_id`;

/** Keeps the counts as marks are inserted, changed or deleted (a statement trigger with its transition tables). */
export const marksTriggerFunction = (guarded: boolean) => `
            CREATE OR REPLACE FUNCTION attendance_counts_on_marks() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                ${addToTrainees(perTrainee('new_marks', 1))};
                ${addToSessions(perSession('new_marks', 1))};
              ELSIF TG_OP = 'UPDATE' THEN
                ${addToTrainees(`${perTrainee('new_marks', 1)} UNION ALL ${perTrainee('old_marks', -1)}`)};
                ${addToSessions(`${perSession('new_marks', 1)} UNION ALL ${perSession('old_marks', -1)}`)};
              ELSE
                ${takeFromTrainees(perTrainee('old_marks', 1), guarded)};
                ${takeFromSessions(perSession('old_marks', 1), guarded)};
              END IF;
              RETURN NULL;
            END $$
        `;

/** Keeps the counts as a session is cancelled, restored, moved to another cohort or deleted. */
export const sessionTriggerFunction = (guarded: boolean) => `
            CREATE OR REPLACE FUNCTION attendance_counts_on_session() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                IF OLD.status = 'scheduled' THEN ${takeFromTrainees(sessionMarks('OLD'), guarded)}; END IF;
                RETURN OLD;
              END IF;
              IF OLD.status = 'scheduled' AND (NEW.status <> 'scheduled' OR NEW.cohort_id <> OLD.cohort_id) THEN
                ${takeFromTrainees(sessionMarks('OLD'), guarded)};
              END IF;
              IF NEW.status = 'scheduled' AND (OLD.status <> 'scheduled' OR NEW.cohort_id <> OLD.cohort_id) THEN
                ${addToTrainees(sessionMarks('NEW'))};
              END IF;
              RETURN NEW;
            END $$
        `;

/** Marks per cohort and trainee, and per session, of every mark: how the counts are filled at first. */
export const FILL_COUNTS = [
  `INSERT INTO attendance_counts (cohort_id, user_id, ${STATUSES.join(', ')}) ${perTrainee('attendances', 1)}`,
  `INSERT INTO session_mark_counts (session_id, marks) ${perSession('attendances', 1)}`,
];
