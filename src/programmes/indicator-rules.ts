import type { IndicatorMetric } from './indicator.entity';

/**
 * How an indicator is counted, so that an auditor can check each number against the records it lists.
 *
 * Every indicator looks at the records of its metric that fall in the date range (Riga calendar days, both ends
 * included; either end may be left open) and puts each of them in one of three lists:
 * - **counted**: makes up the value;
 * - **to come**: already planned or under way, and would count once it happens (a session not yet held, a member
 *   who can still complete, a completed member whose certificate is not issued yet, a free place in a cohort not
 *   started yet). Only when the range reaches beyond today: what is still to come cannot fall in a range that
 *   has ended;
 * - **not counted**, with the reason (below).
 *
 * What each metric counts, and by which date it falls in the range:
 * - `trainees_enrolled`: trainees who took a place in one of the programme's cohorts (members: enrolled,
 *   completed or not completed, src/cohorts/enrolment-status.ts), by the day they took it. Each trainee once:
 *   their other enrolments (another part, a retake of the same part) are "counted once". Withdrawn and
 *   waiting-list enrolments are not counted. To come: free places of cohorts that start later.
 * - `trainees_completed`: trainees with a completed part (`completed_enrolments`: the rule met, or set by hand —
 *   marked so), by the day it was completed; each trainee once, so a part retaken in a later cohort counts by the
 *   completion, never twice. Listed besides, for members of cohorts running in the range: not completed,
 *   completion no longer possible, withdrawn, and still in progress (to come while their cohort is open).
 * - `trainees_attended`: trainees who attended (present or late) at least one session of the programme held in
 *   the range, each once, by their first such session. Excused counts as not attended, as in attendance and
 *   completion: a member whose marks in the range are only excused (or absent) is not counted, with that reason.
 *   A withdrawn trainee's attendance does not count. To come: members with no attendance yet whose cohort still
 *   has a session ahead in the range.
 * - `certificates_issued`: valid certificates (of a part or of the whole programme), by their issue day. A
 *   revoked certificate is not counted; a replaced one is not counted, its replacement is. To come: members who
 *   completed a part, or can still complete it, and hold no valid certificate of it.
 * - `sessions_held`, `study_visits_held`, `seminars_held`: sessions (of any kind, study visits, seminars) that
 *   have ended and were not cancelled (src/sessions/session-state.ts), by their start. Cancelled ones are not
 *   counted; those not yet ended are to come.
 * - `materials_published`: materials of the programme's parts and cohorts, by the day they were uploaded.
 */

export const EVIDENCE_STATES = ['counted', 'to_come', 'not_counted'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

/** Why a record is to come or not counted, or (`set_by_hand`) how a counted completion came about. */
export const EVIDENCE_REASONS = [
  'set_by_hand',
  'counted_once',
  'withdrawn',
  'waitlisted',
  'free_places',
  'not_completed',
  'not_possible',
  'in_progress',
  'only_excused',
  'not_attended',
  'planned',
  'cancelled',
  'revoked',
  'replaced',
  'awaiting_certificate',
] as const;
export type EvidenceReason = (typeof EVIDENCE_REASONS)[number];

/** What an indicator's list is a list of. */
export type EvidenceKind = 'participant' | 'session' | 'certificate' | 'material';

export const METRIC_EVIDENCE: Record<IndicatorMetric, EvidenceKind> = {
  trainees_enrolled: 'participant',
  trainees_completed: 'participant',
  trainees_attended: 'participant',
  certificates_issued: 'certificate',
  sessions_held: 'session',
  study_visits_held: 'session',
  seminars_held: 'session',
  materials_published: 'material',
};

/**
 * An indicator's status:
 * - **met**: the value has reached the target (a target of 0 is met at once);
 * - **on track**: not yet, but what is to come would reach it;
 * - **at risk**: even with everything to come, it would fall short.
 */
export const INDICATOR_STATUSES = ['met', 'on_track', 'at_risk'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export function indicatorStatus(target: number, value: number, toCome: number): IndicatorStatus {
  if (value >= target) return 'met';
  return value + toCome >= target ? 'on_track' : 'at_risk';
}

/** Share of the target reached, 0–100, rounded down; 100 when the target is 0. */
export function percentOfTarget(value: number, target: number): number {
  return target > 0 ? Math.min(100, Math.floor((value * 100) / target)) : 100;
}

/** How many records of each list: the value is the counted ones (a free-places row counts its places). */
export interface EvidenceCounts {
  value: number;
  toCome: number;
  notCounted: number;
}

export function countEvidence(rows: Iterable<{ state: EvidenceState; amount: number }>): EvidenceCounts {
  const counts: EvidenceCounts = { value: 0, toCome: 0, notCounted: 0 };
  for (const row of rows) {
    if (row.state === 'counted') counts.value += row.amount;
    else if (row.state === 'to_come') counts.toCome += row.amount;
    else counts.notCounted += row.amount;
  }
  return counts;
}
