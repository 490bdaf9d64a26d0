import type { PassMarkUnit } from './exam.entity';
import type { ResultStatus } from './exam-result.entity';

/** What a results sheet says of one trainee: a score, absent, excused, or nothing yet. */
export const SHEET_OUTCOMES = ['score', 'absent', 'excused', 'none'] as const;
export type SheetOutcome = (typeof SHEET_OUTCOMES)[number];

export interface PassRule {
  passMark: string;
  passMarkUnit: PassMarkUnit;
  maxPoints: string;
}

/** A score as entered: "7,5" (the Latvian comma) or "7.5", at most two decimals, never below zero. */
export type ScoreReading = { ok: true; cents: number } | { ok: false; code: 'examSheet.badScore' | 'examSheet.aboveMax' };

export function readScore(text: string, maxPoints: string): ScoreReading {
  const compact = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!/^\d{1,6}(\.\d{0,2})?$/.test(compact) && !/^\.\d{1,2}$/.test(compact)) return { ok: false, code: 'examSheet.badScore' };
  const cents = toCents(compact);
  if (cents > toCents(maxPoints)) return { ok: false, code: 'examSheet.aboveMax' };
  return { ok: true, cents };
}

/** Hundredths as an integer, from a decimal string with at most two decimals ("7.5" → 750). */
export function toCents(decimal: string): number {
  const [whole, fraction = ''] = decimal.split('.');
  return Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

export function centsToDecimal(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Passed or failed follows from the pass mark, never typed: at least the pass mark in points, or at least the pass
 * mark's share of the maximum. Whole hundredths keep the edge exact (7.00 of 10 at 70 % passes).
 */
export function passes(scoreCents: number, rule: PassRule): boolean {
  const pass = toCents(rule.passMark);
  if (rule.passMarkUnit === 'points') return scoreCents >= pass;
  return scoreCents * 10_000 >= pass * toCents(rule.maxPoints);
}

/** The status and score a sheet outcome stores. */
export function storedResult(
  outcome: SheetOutcome,
  scoreCents: number | null,
  rule: PassRule,
): { status: ResultStatus; score: string | null } {
  if (outcome === 'score' && scoreCents !== null) {
    return { status: passes(scoreCents, rule) ? 'passed' : 'failed', score: centsToDecimal(scoreCents) };
  }
  if (outcome === 'absent' || outcome === 'excused') return { status: outcome, score: null };
  return { status: 'pending', score: null };
}

/** The outcome a stored result reads as on the sheet. */
export function outcomeOf(status: ResultStatus | null, score: string | null): SheetOutcome {
  if (status === 'absent' || status === 'excused') return status;
  return score !== null ? 'score' : 'none';
}

/** A score for people: Latvian uses a decimal comma ("7,5"), English a point; no needless zeros. */
export function formatScore(score: string | null, lang: 'lv' | 'en'): string {
  if (score === null) return '';
  const text = centsToDecimal(toCents(score))
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1');
  return lang === 'lv' ? text.replace('.', ',') : text;
}
