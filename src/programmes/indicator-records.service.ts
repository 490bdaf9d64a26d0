import { Injectable } from '@nestjs/common';
import { ReportReads } from '../database/report-reads';
import type { IndicatorMetric } from './indicator.entity';
import { countEvidence, type EvidenceCounts, type EvidenceReason, type EvidenceState } from './indicator-rules';

/** The instants a date range spans: from its first day's start to its last day's end (exclusive); null when open. */
export interface RangeBounds {
  from: Date | null;
  until: Date | null;
}

/** One record an indicator looked at, with the list it went to and the names an auditor reads. */
export interface EvidenceRecord {
  state: EvidenceState;
  reason: EvidenceReason | null;
  /** The date that puts it in the range. */
  at: Date | null;
  /** 1, or a cohort's free places. */
  amount: number;
  user_id: string | null;
  user_name: string | null;
  email: string | null;
  department: string | null;
  enrolment_id: string | null;
  enrolment_status: string | null;
  cohort_id: string | null;
  cohort_name: string | null;
  part_number: number | null;
  part_title_lv: string | null;
  part_title_en: string | null;
  session_id: string | null;
  session_title: string | null;
  session_kind: string | null;
  certificate_id: string | null;
  serial: string | null;
  revocation_reason: string | null;
  replaced_by_serial: string | null;
  material_id: string | null;
  material_title: string | null;
  /** When the trainee withdrew, or the certificate was revoked. */
  note_at: Date | null;
}

// Parameters of every statement: $1 the programme (the programmes, for counts), $2 the range's first instant, $3 its
// end (exclusive), $4 now. Each is named in `params`, so a statement of metrics that do not use one (materials: now)
// still takes it. The statements read the programme from `programme`, one for the records and each in turn for counts.
const THE_PROGRAMME = '(SELECT id FROM programme)';
const PROGRAMME_COHORTS = `
  params AS (SELECT $2::timestamptz AS from_at, $3::timestamptz AS until_at, $4::timestamptz AS now_at),
  pc AS (SELECT c.id, c.part_id, c.starts_on, c.ends_on, c.capacity, c.closed_at
           FROM cohorts c JOIN parts p ON p.id = c.part_id WHERE p.programme_id = ${THE_PROGRAMME})`;
const inRange = (column: string) => `(${column} >= $2 OR $2::timestamptz IS NULL) AND (${column} < $3 OR $3::timestamptz IS NULL)`;
const FIRST_DAY = `($2::timestamptz AT TIME ZONE 'Europe/Riga')::date`;
const END_DAY = `($3::timestamptz AT TIME ZONE 'Europe/Riga')::date`;
const TODAY = `($4::timestamptz AT TIME ZONE 'Europe/Riga')::date`;
/** The instant a Riga calendar day (a cohort's dates) begins. */
const dayStart = (column: string) => `(${column}::timestamp AT TIME ZONE 'Europe/Riga')`;
/** A cohort running at some time in the range. */
const COHORT_IN_RANGE = `(pc.ends_on >= ${FIRST_DAY} OR $2::timestamptz IS NULL) AND (pc.starts_on < ${END_DAY} OR $3::timestamptz IS NULL)`;
/** A cohort ending in the range (or before it). */
const COHORT_ENDS_IN_RANGE = `(pc.ends_on < ${END_DAY} OR $3::timestamptz IS NULL)`;
/** The range reaches beyond now, so something may still come in it. */
const AHEAD = `($3::timestamptz IS NULL OR $3 > $4)`;
const COLUMNS = 'state, reason, at, amount, user_id, enrolment_id, cohort_id, part_id, session_id, certificate_id, material_id, note_at';

/** Members count once each, by the earliest enrolment in the range; withdrawn and waiting ones are not members. */
const ENROLLED = `
  SELECT CASE WHEN x.member AND x.turn = 1 THEN 'counted' ELSE 'not_counted' END AS state,
         CASE WHEN NOT x.member THEN x.status WHEN x.turn > 1 THEN 'counted_once' END AS reason,
         x.at, 1 AS amount, x.user_id, x.enrolment_id, x.cohort_id, NULL::uuid AS part_id, NULL::uuid AS session_id,
         NULL::uuid AS certificate_id, NULL::uuid AS material_id, x.withdrawn_at AS note_at
    FROM (SELECT y.*, row_number() OVER (PARTITION BY y.user_id, y.member ORDER BY y.at, y.enrolment_id) AS turn
            FROM (SELECT e.id AS enrolment_id, e.user_id, e.cohort_id, e.status, (m.enrolment_id IS NOT NULL) AS member, e.withdrawn_at,
                         CASE WHEN e.status = 'waitlisted' THEN e.waitlisted_at ELSE COALESCE(e.enrolled_at, e.created_at) END AS at
                    FROM enrolments e JOIN pc ON pc.id = e.cohort_id
                    LEFT JOIN cohort_members m ON m.enrolment_id = e.id) y
           WHERE ${inRange('y.at')}) x
  UNION ALL
  SELECT 'to_come', 'free_places', ${dayStart('pc.starts_on')}, pc.capacity - count(m.enrolment_id)::int, NULL, NULL, pc.id, NULL,
         NULL, NULL, NULL, NULL
    FROM pc LEFT JOIN cohort_members m ON m.cohort_id = pc.id
   WHERE ${AHEAD} AND pc.closed_at IS NULL AND pc.starts_on > ${TODAY}
     AND (pc.starts_on >= ${FIRST_DAY} OR $2::timestamptz IS NULL) AND (pc.starts_on < ${END_DAY} OR $3::timestamptz IS NULL)
   GROUP BY pc.id, pc.starts_on, pc.capacity
  HAVING pc.capacity > count(m.enrolment_id)`;

/**
 * Completions in the range count, each trainee once by the earliest; members of cohorts running in the range who
 * did not complete are listed with why, those who still can (cohort open, ending in the range) as to come.
 */
const COMPLETED = `
  SELECT CASE WHEN x.done AND x.turn = 1 THEN 'counted'
              WHEN x.candidate AND NOT x.user_done AND x.turn = 1 AND ${AHEAD} THEN 'to_come'
              ELSE 'not_counted' END AS state,
         CASE WHEN x.done AND x.turn = 1 THEN CASE WHEN x.set_by_hand THEN 'set_by_hand' END
              WHEN x.done OR x.user_done THEN 'counted_once'
              WHEN NOT x.member THEN 'withdrawn'
              WHEN x.failed THEN 'not_completed'
              WHEN x.rule_state = 'not_possible' THEN 'not_possible'
              WHEN x.candidate AND x.turn > 1 THEN 'counted_once'
              ELSE 'in_progress' END AS reason,
         x.at, 1 AS amount, x.user_id, x.enrolment_id, x.cohort_id, NULL::uuid AS part_id, NULL::uuid AS session_id,
         NULL::uuid AS certificate_id, NULL::uuid AS material_id, x.withdrawn_at AS note_at
    FROM (SELECT y.*, bool_or(y.done) OVER (PARTITION BY y.user_id) AS user_done,
                 row_number() OVER (PARTITION BY y.user_id, CASE WHEN y.done THEN 1 WHEN y.candidate THEN 2 ELSE 3 END
                                    ORDER BY y.at, y.enrolment_id) AS turn
            FROM (SELECT z.*, (z.member AND z.open AND NOT z.failed AND z.rule_state <> 'not_possible' AND z.ends_in_range) AS candidate
                    FROM (SELECT e.id AS enrolment_id, e.user_id, e.cohort_id, (m.enrolment_id IS NOT NULL) AS member,
                                 (d.enrolment_id IS NOT NULL) AS done, COALESCE(d.set_by_hand, false) AS set_by_hand,
                                 (pc.closed_at IS NULL AND COALESCE(m.active, false)) AS open,
                                 COALESCE(COALESCE(ec.manual_state, m.status) = 'not_completed', false) AS failed,
                                 COALESCE(ec.state, 'in_progress') AS rule_state, ${COHORT_ENDS_IN_RANGE} AS ends_in_range,
                                 COALESCE(d.completed_at, e.withdrawn_at, ${dayStart('pc.ends_on')}) AS at, e.withdrawn_at
                            FROM enrolments e JOIN pc ON pc.id = e.cohort_id
                            LEFT JOIN cohort_members m ON m.enrolment_id = e.id
                            LEFT JOIN completed_enrolments d ON d.enrolment_id = e.id
                            LEFT JOIN enrolment_completions ec ON ec.enrolment_id = e.id
                           WHERE e.status <> 'waitlisted'
                             AND CASE WHEN d.enrolment_id IS NOT NULL THEN ${inRange('d.completed_at')} ELSE ${COHORT_IN_RANGE} END) z) y) x`;

/** Marks per cohort and trainee at the programme's sessions (not cancelled) that start in the range. */
const MARKS_IN_RANGE = `
  SELECT s.cohort_id, a.user_id,
         count(*) FILTER (WHERE a.status IN ('present', 'late')) AS attended,
         min(s.starts_at) FILTER (WHERE a.status IN ('present', 'late')) AS first_attended,
         count(*) FILTER (WHERE a.status = 'excused') AS excused
    FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN pc ON pc.id = s.cohort_id
   WHERE s.status = 'scheduled' AND ${inRange('s.starts_at')}
   GROUP BY s.cohort_id, a.user_id`;

/**
 * The same over the whole time, from the counts the attendance feature keeps as marks are written (one row a
 * trainee, not every mark), without the first attended session: enough to count, not to list by date.
 */
const MARKS_KEPT = `
  SELECT k.cohort_id, k.user_id, k.present + k.late AS attended, NULL::timestamptz AS first_attended, k.excused
    FROM attendance_counts k JOIN pc ON pc.id = k.cohort_id`;

/**
 * Members who attended (present or late) a session held in the range count, each once by the first; excused and
 * absent are not attended. Members with nothing attended yet and a session still ahead in the range are to come.
 * Which of a trainee's enrolments is counted depends on the dates; how many of each list there are does not.
 */
const attended = (marks: string) => `
  SELECT CASE WHEN x.member AND x.attended > 0 AND x.turn = 1 THEN 'counted'
              WHEN x.member AND NOT x.user_counted AND x.turn = 1 AND x.waiting THEN 'to_come'
              ELSE 'not_counted' END AS state,
         CASE WHEN x.member AND x.attended > 0 AND x.turn = 1 THEN NULL
              WHEN NOT x.member THEN 'withdrawn'
              WHEN x.user_counted OR x.turn > 1 THEN 'counted_once'
              WHEN x.waiting THEN 'planned'
              WHEN x.excused > 0 THEN 'only_excused'
              ELSE 'not_attended' END AS reason,
         COALESCE(x.first_attended, x.next_start, x.first_start) AS at, 1 AS amount, x.user_id, x.enrolment_id, x.cohort_id,
         NULL::uuid AS part_id, NULL::uuid AS session_id, NULL::uuid AS certificate_id, NULL::uuid AS material_id, x.withdrawn_at AS note_at
    FROM (SELECT y.*, bool_or(y.member AND y.attended > 0) OVER (PARTITION BY y.user_id) AS user_counted,
                 row_number() OVER (PARTITION BY y.user_id, CASE WHEN y.member AND y.attended > 0 THEN 1 WHEN y.member AND y.waiting THEN 2 ELSE 3 END
                                    ORDER BY COALESCE(y.first_attended, y.next_start, y.first_start), y.enrolment_id) AS turn
            FROM (SELECT e.id AS enrolment_id, e.user_id, e.cohort_id, (m.enrolment_id IS NOT NULL) AS member, e.withdrawn_at,
                         cs.first_start, cs.next_start, COALESCE(a.attended, 0) AS attended, a.first_attended, COALESCE(a.excused, 0) AS excused,
                         (COALESCE(m.active, false) AND COALESCE(a.attended, 0) = 0 AND cs.next_start IS NOT NULL) AS waiting
                    FROM enrolments e
                    JOIN (SELECT s.cohort_id, min(s.starts_at) AS first_start, min(s.starts_at) FILTER (WHERE s.starts_at > $4) AS next_start
                            FROM sessions s JOIN pc ON pc.id = s.cohort_id
                           WHERE s.status = 'scheduled' AND ${inRange('s.starts_at')}
                           GROUP BY s.cohort_id) cs ON cs.cohort_id = e.cohort_id
                    LEFT JOIN cohort_members m ON m.enrolment_id = e.id
                    LEFT JOIN (${marks}) a ON a.cohort_id = e.cohort_id AND a.user_id = e.user_id
                   WHERE e.status <> 'waitlisted') y) x`;

/** Valid certificates issued in the range; members who completed a part or still can, holding none of it, to come. */
const CERTIFICATES = `
  SELECT CASE WHEN cert.status = 'valid' THEN 'counted' ELSE 'not_counted' END AS state,
         CASE WHEN cert.status <> 'valid' THEN cert.status END AS reason,
         cert.issued_at AS at, 1 AS amount, cert.user_id, NULL::uuid AS enrolment_id, NULL::uuid AS cohort_id, cert.part_id,
         NULL::uuid AS session_id, cert.id AS certificate_id, NULL::uuid AS material_id, cert.revoked_at AS note_at
    FROM certificates cert
   WHERE cert.programme_id = ${THE_PROGRAMME} AND ${inRange('cert.issued_at')}
  UNION ALL
  SELECT 'to_come', CASE WHEN z.done THEN 'awaiting_certificate' ELSE 'in_progress' END, z.at, 1, z.user_id, z.enrolment_id, z.cohort_id,
         z.part_id, NULL, NULL, NULL, NULL
    FROM (SELECT DISTINCT ON (m.user_id, pc.part_id) m.enrolment_id, m.user_id, m.cohort_id, pc.part_id,
                 (d.enrolment_id IS NOT NULL) AS done, COALESCE(d.completed_at, ${dayStart('pc.ends_on')}) AS at
            FROM cohort_members m JOIN pc ON pc.id = m.cohort_id
            LEFT JOIN completed_enrolments d ON d.enrolment_id = m.enrolment_id
            LEFT JOIN enrolment_completions ec ON ec.enrolment_id = m.enrolment_id
           WHERE ${AHEAD}
             AND NOT EXISTS (SELECT 1 FROM certificates v WHERE v.user_id = m.user_id AND v.part_id = pc.part_id AND v.status = 'valid')
             AND (d.enrolment_id IS NOT NULL
                  OR (pc.closed_at IS NULL AND m.active AND ec.manual_state IS NULL AND COALESCE(ec.state, 'in_progress') = 'in_progress'
                      AND ${COHORT_ENDS_IN_RANGE}))
           ORDER BY m.user_id, pc.part_id, (d.enrolment_id IS NULL), at) z`;

/** Sessions by their start: ended and not cancelled count, cancelled do not, those not yet ended are to come. */
const sessions = (kind: string | null) => `
  SELECT CASE WHEN s.status = 'cancelled' THEN 'not_counted' WHEN s.ends_at <= $4 THEN 'counted' ELSE 'to_come' END AS state,
         CASE WHEN s.status = 'cancelled' THEN 'cancelled' WHEN s.ends_at > $4 THEN 'planned' END AS reason,
         s.starts_at AS at, 1 AS amount, NULL::uuid AS user_id, NULL::uuid AS enrolment_id, s.cohort_id, NULL::uuid AS part_id,
         s.id AS session_id, NULL::uuid AS certificate_id, NULL::uuid AS material_id, NULL::timestamptz AS note_at
    FROM sessions s JOIN pc ON pc.id = s.cohort_id
   WHERE ${inRange('s.starts_at')}${kind ? ` AND s.kind = '${kind}'` : ''}`;

const MATERIALS = `
  SELECT 'counted' AS state, NULL AS reason, mt.created_at AS at, 1 AS amount, NULL::uuid AS user_id, NULL::uuid AS enrolment_id,
         mt.cohort_id, mt.part_id, NULL::uuid AS session_id, NULL::uuid AS certificate_id, mt.id AS material_id, NULL::timestamptz AS note_at
    FROM materials mt
   WHERE (mt.part_id IN (SELECT id FROM parts WHERE programme_id = ${THE_PROGRAMME}) OR mt.cohort_id IN (SELECT id FROM pc))
     AND ${inRange('mt.created_at')}`;

/** Each metric's records, classified (the rules are in indicator-rules.ts), as rows of COLUMNS. */
const METRIC_SQL: Record<IndicatorMetric, string> = {
  trainees_enrolled: ENROLLED,
  trainees_attended: attended(MARKS_IN_RANGE),
  trainees_completed: COMPLETED,
  certificates_issued: CERTIFICATES,
  sessions_held: sessions(null),
  study_visits_held: sessions('study_visit'),
  seminars_held: sessions('seminar'),
  materials_published: MATERIALS,
};

const STATE_ORDER = `CASE r.state WHEN 'counted' THEN 0 WHEN 'to_come' THEN 1 ELSE 2 END`;

/**
 * The indicators' hand-written SQL: what each metric counts, as one statement per metric that lists every record
 * it looked at with the list it went to. The counts are the same statements, summed.
 */
@Injectable()
export class IndicatorRecords {
  constructor(private readonly reads: ReportReads) {}

  /**
   * How many records of each list, for each metric asked, of each programme: one statement, whatever the number of
   * programmes. Over the whole time, attendance is counted from the kept counts.
   */
  async counts(
    programmeIds: readonly string[],
    metrics: readonly IndicatorMetric[],
    bounds: RangeBounds,
    now: Date,
  ): Promise<Map<string, Map<IndicatorMetric, EvidenceCounts>>> {
    const wanted = [...new Set(metrics)];
    const wholeTime = bounds.from === null && bounds.until === null;
    const sql = (metric: IndicatorMetric) => (metric === 'trainees_attended' && wholeTime ? attended(MARKS_KEPT) : METRIC_SQL[metric]);
    const rows = wanted.length
      ? await this.reads.query<{ programme_id: string; metric: IndicatorMetric; state: EvidenceState; amount: number }>(
          `SELECT g.id AS programme_id, r.metric, r.state, r.amount
             FROM unnest($1::uuid[]) AS g(id)
            CROSS JOIN LATERAL (
              WITH programme AS (SELECT g.id), ${PROGRAMME_COHORTS}
              ${wanted
                .map(
                  (metric) =>
                    `SELECT '${metric}' AS metric, r.state, sum(r.amount)::int AS amount FROM (${sql(metric)}) r GROUP BY r.state`,
                )
                .join(' UNION ALL ')}) r`,
          [programmeIds, bounds.from, bounds.until, now],
        )
      : [];
    return new Map(
      programmeIds.map((id) => {
        const own = rows.filter((row) => row.programme_id === id);
        return [id, new Map(wanted.map((metric) => [metric, countEvidence(own.filter((row) => row.metric === metric))]))];
      }),
    );
  }

  /** Every record the metric looked at, counted first, then to come, then not counted; each by date. */
  evidence(programmeId: string, metric: IndicatorMetric, bounds: RangeBounds, now: Date): Promise<EvidenceRecord[]> {
    return this.reads.query<EvidenceRecord>(
      `WITH programme AS (SELECT $1::uuid AS id), ${PROGRAMME_COHORTS}
       SELECT r.*, u.name AS user_name, u.email, u.department, e.status AS enrolment_status, c.name AS cohort_name,
              p.number AS part_number, p.title_lv AS part_title_lv, p.title_en AS part_title_en,
              s.title AS session_title, s.kind AS session_kind, cert.serial, cert.revocation_reason,
              nx.serial AS replaced_by_serial, mt.title AS material_title
         FROM (SELECT ${COLUMNS} FROM (${METRIC_SQL[metric]}) q) r
         LEFT JOIN users u ON u.id = r.user_id
         LEFT JOIN enrolments e ON e.id = r.enrolment_id
         LEFT JOIN cohorts c ON c.id = r.cohort_id
         LEFT JOIN parts p ON p.id = COALESCE(r.part_id, c.part_id)
         LEFT JOIN sessions s ON s.id = r.session_id
         LEFT JOIN certificates cert ON cert.id = r.certificate_id
         LEFT JOIN certificates nx ON nx.replaces_id = r.certificate_id
         LEFT JOIN materials mt ON mt.id = r.material_id
        ORDER BY ${STATE_ORDER}, r.at, u.name, s.title, mt.title, c.name, r.enrolment_id, r.session_id, r.certificate_id, r.material_id`,
      this.params(programmeId, bounds, now),
    );
  }

  private params(programmeId: string, bounds: RangeBounds, now: Date): unknown[] {
    return [programmeId, bounds.from, bounds.until, now];
  }
}
