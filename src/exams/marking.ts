import type { QuestionBody } from './question-body';

/** A trainee's answer to one question, as saved. */
export type QuestionResponse =
  | { kind: 'single'; choice: string | null }
  | { kind: 'multiple'; choices: string[] }
  | { kind: 'truefalse'; value: boolean | null }
  | { kind: 'short'; text: string }
  | { kind: 'numeric'; text: string }
  | { kind: 'essay'; text: string };

export type Mark = { state: 'marked'; fraction: number; points: number } | { state: 'manual' };

/**
 * Marks one answer. Closed questions are marked at once; an essay waits for an instructor. No answer, or an
 * answer of another kind than the question (a question changed its kind between versions), earns nothing.
 * A multiple-choice answer earns the sum of its choices' fractions, wrong ones subtracting, never below zero.
 */
export function markResponse(body: QuestionBody, response: QuestionResponse | null, points: number): Mark {
  if (body.kind === 'essay') return { state: 'manual' };
  const fraction = response && response.kind === body.kind ? fractionOf(body, response) : 0;
  return { state: 'marked', fraction, points: pointsFor(fraction, points) };
}

/** Points rounded to hundredths, the precision the gradebook shows. */
export function pointsFor(fraction: number, points: number): number {
  return Math.round(fraction * points * 100) / 100;
}

function fractionOf(body: Exclude<QuestionBody, { kind: 'essay' }>, response: QuestionResponse): number {
  switch (body.kind) {
    case 'single': {
      const chosen = response.kind === 'single' ? response.choice : null;
      return clamp(body.choices.find((c) => c.id === chosen)?.fraction ?? 0);
    }
    case 'multiple': {
      const chosen = new Set(response.kind === 'multiple' ? response.choices : []);
      return clamp(body.choices.filter((c) => chosen.has(c.id)).reduce((sum, c) => sum + c.fraction, 0));
    }
    case 'truefalse':
      return response.kind === 'truefalse' && response.value === body.correct ? 1 : 0;
    case 'short': {
      const given = response.kind === 'short' ? comparableText(response.text, body.ignoreDiacritics) : '';
      if (!given) return 0;
      return best(body.answers.filter((a) => comparableText(a.text, body.ignoreDiacritics) === given));
    }
    case 'numeric': {
      const given = response.kind === 'numeric' ? parseDecimal(response.text) : null;
      if (given === null) return 0;
      return best(body.answers.filter((a) => Math.abs(given - a.value) <= a.tolerance + 1e-9));
    }
  }
}

const clamp = (fraction: number) => Math.min(1, Math.max(0, fraction));
const best = (answers: { fraction: number }[]) => clamp(answers.reduce((max, a) => Math.max(max, a.fraction), 0));

/**
 * Text as a short answer is compared: surrounding and repeated spaces dropped, case ignored (by Latvian rules),
 * and, where the author chose it, diacritics dropped, so that "Līgums" also matches "ligums".
 */
export function comparableText(text: string, ignoreDiacritics: boolean): string {
  let result = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('lv');
  if (ignoreDiacritics) result = result.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return result;
}

/**
 * A number as people type it in Latvia or England: a decimal comma or point, spaces (also no-break) between
 * thousands, a leading minus or the Unicode minus. Anything else is not a number: null.
 */
export function parseDecimal(text: string): number | null {
  const compact = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-')
    .replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}
