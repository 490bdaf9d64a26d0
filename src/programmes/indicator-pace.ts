/**
 * Whether an expected-result indicator is on course, judged from its value against its target and from how much of
 * its programme's time has gone (from the first day of its first cohort to the last day of its last):
 * - reached: the value has come to the target;
 * - missed: the programme's time is over and it has not;
 * - behind: the share of the target reached is below the share of the time gone (half the time gone, less than half
 *   the target reached);
 * - on_course: otherwise, and while the programme has not begun or has no cohorts yet.
 * Behind and missed are at risk. Days are Riga calendar days (YYYY-MM-DD); both ends count.
 */
export const INDICATOR_PACES = ['reached', 'missed', 'behind', 'on_course'] as const;
export type IndicatorPace = (typeof INDICATOR_PACES)[number];

export interface ProgrammePeriod {
  startsOn: string;
  endsOn: string;
}

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** The share of the programme's days gone by the end of `today`, 0–100, rounded down. */
export function timeElapsedPercent(period: ProgrammePeriod, today: string): number {
  const days = dayNumber(period.endsOn) - dayNumber(period.startsOn) + 1;
  const gone = dayNumber(today) - dayNumber(period.startsOn) + 1;
  if (days <= 0 || gone <= 0) return 0;
  return Math.min(100, Math.floor((gone * 100) / days));
}

export function indicatorPace(indicator: { value: number; target: number }, period: ProgrammePeriod | null, today: string): IndicatorPace {
  if (indicator.value >= indicator.target) return 'reached';
  if (!period || today < period.startsOn) return 'on_course';
  if (today > period.endsOn) return 'missed';
  return indicator.value * 100 < indicator.target * timeElapsedPercent(period, today) ? 'behind' : 'on_course';
}

export function isAtRisk(pace: IndicatorPace): boolean {
  return pace === 'behind' || pace === 'missed';
}
