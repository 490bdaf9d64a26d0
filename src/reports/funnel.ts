import type { Criterion, CriterionState } from '../completion/enrolment-completion.entity';

/**
 * The completion funnel: how far each trainee got through a part, stage by stage. Pure; the facts come from
 * completion (`enrolment_completions`, `completed_enrolments`) and certificates.
 *
 * - **enrolled**: a member of the cohort (src/cohorts/enrolment-status.ts): withdrawn and waiting-list
 *   enrolments are outside the funnel and listed beside it;
 * - **attendance**, **work**, **exam**: the part's rule criterion met (the minimum attendance, the required
 *   independent work passed, the final exam passed — a retake's pass counts), as completion last worked it out;
 *   a criterion the part's rule does not have is passed through;
 * - **completed**: `completed_enrolments` (the rule met, or set by hand by an administrator);
 * - **certified**: holds a valid certificate of the part (a revoked or replaced one is not).
 *
 * A stage counts those who reached it and every stage before it: each trainee stops at the first stage they have
 * not met. Completion (by the rule or by hand) and a valid certificate count as having passed the stages before
 * them, so a completion set by hand where the records fall short is not lost from the later stages. A closing
 * seminar, where the rule has one, counts toward "completed".
 *
 * The unit is a trainee in a part: in a cohort each member once; in a part, or a programme (each of its parts),
 * a trainee who retook the part in a later cohort counts once, at the furthest of their enrolments.
 */
export const FUNNEL_STAGES = ['enrolled', 'attendance', 'work', 'exam', 'completed', 'certified'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** The rule's criterion behind each of the middle stages. */
export const STAGE_CRITERIA: readonly (readonly [FunnelStage, Criterion])[] = [
  ['attendance', 'attendance'],
  ['work', 'independent_work'],
  ['exam', 'final_exam'],
];

export interface FunnelFacts {
  /** The criteria as completion last worked them out; null when they were never worked out (counts as enrolled only). */
  criteria: readonly { criterion: Criterion; state: CriterionState }[] | null;
  completed: boolean;
  certified: boolean;
}

/** The index in FUNNEL_STAGES of the last stage reached. */
export function furthestStage(facts: FunnelFacts): number {
  if (facts.certified) return FUNNEL_STAGES.indexOf('certified');
  if (facts.completed) return FUNNEL_STAGES.indexOf('completed');
  if (!facts.criteria) return 0;
  let reached = 0;
  for (const [stage, criterion] of STAGE_CRITERIA) {
    const result = facts.criteria.find((c) => c.criterion === criterion);
    if (result && result.state !== 'met') break;
    reached = FUNNEL_STAGES.indexOf(stage);
  }
  return reached;
}

export interface StageCount {
  stage: FunnelStage;
  /** Reached this stage (and every one before it). */
  reached: number;
  /** Reached this stage and no further: who is here now. */
  here: number;
  /** Of those enrolled, 0–100 rounded down (0 when nobody is enrolled). */
  percent: number;
  /** Of those who reached the stage before, 0–100 rounded down; 100 for the first. */
  percentOfPrevious: number;
}

const percentOf = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 100) / whole) : 0);

export function stageCounts(units: readonly { furthest: number }[]): StageCount[] {
  const here = FUNNEL_STAGES.map(() => 0);
  for (const unit of units) here[unit.furthest] += 1;
  const reached = FUNNEL_STAGES.map((_, i) => here.slice(i).reduce((sum, n) => sum + n, 0));
  return FUNNEL_STAGES.map((stage, i) => ({
    stage,
    reached: reached[i],
    here: here[i],
    percent: percentOf(reached[i], reached[0]),
    percentOfPrevious: i === 0 ? 100 : percentOf(reached[i], reached[i - 1]),
  }));
}

/**
 * One unit per trainee and part: the enrolment that got furthest (on a tie, the later cohort), with how many
 * enrolments of the part the trainee had.
 */
export function perTraineeAndPart<T extends { userId: string; partId: string; furthest: number; startsOn: string }>(
  rows: readonly T[],
): (T & { enrolments: number })[] {
  const best = new Map<string, T & { enrolments: number }>();
  for (const row of rows) {
    const key = `${row.userId} ${row.partId}`;
    const held = best.get(key);
    const enrolments = (held?.enrolments ?? 0) + 1;
    const better = !held || row.furthest > held.furthest || (row.furthest === held.furthest && row.startsOn > held.startsOn);
    best.set(key, { ...(better ? row : held), enrolments });
  }
  return [...best.values()];
}
