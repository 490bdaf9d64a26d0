/**
 * What a question asks and how it is marked, kept as one JSON value on each question version, so an attempt that
 * drew a version is marked by exactly what it drew.
 */
export const QUESTION_KINDS = ['single', 'multiple', 'truefalse', 'short', 'numeric', 'essay'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A choice's share of the question's points: 1 is full marks, negative costs points (multiple choice). */
export interface Choice {
  id: string;
  text: string;
  fraction: number;
  feedback?: string;
}

export interface ShortAnswer {
  text: string;
  fraction: number;
}

export interface NumericAnswer {
  value: number;
  /** Accepted when |given − value| ≤ tolerance. */
  tolerance: number;
  fraction: number;
}

export type QuestionBody =
  | { kind: 'single'; choices: Choice[] }
  | { kind: 'multiple'; choices: Choice[] }
  | { kind: 'truefalse'; correct: boolean }
  | { kind: 'short'; answers: ShortAnswer[]; ignoreDiacritics: boolean }
  | { kind: 'numeric'; answers: NumericAnswer[] }
  | { kind: 'essay'; guidance: string };

/** A question as an author writes it or an import reads it, before it is stored as a version. */
export interface QuestionDraft {
  name: string;
  /** Markdown. */
  text: string;
  points: number;
  body: QuestionBody;
  generalFeedback?: string;
  /** A category path, `Top/Projektu vadība/Plānošana`; the bank's default category when missing. */
  category?: string;
}

/** Why a question cannot be kept, as a code the pages translate. */
export type QuestionProblem =
  | 'name_missing'
  | 'text_missing'
  | 'points_invalid'
  | 'choices_too_few'
  | 'choice_text_missing'
  | 'choice_fraction_invalid'
  | 'no_full_mark'
  | 'multiple_fractions_not_whole'
  | 'answers_missing'
  | 'tolerance_invalid'
  | 'value_invalid';

const EPSILON = 1e-6;
const inRange = (fraction: number, min: number) => Number.isFinite(fraction) && fraction >= min - EPSILON && fraction <= 1 + EPSILON;

/**
 * The problems of a draft, empty when it can be kept. A single-choice or short-answer question needs one answer
 * worth full marks; the right choices of a multiple-choice question add up to full marks, and wrong ones may
 * cost points.
 */
export function questionProblems(draft: QuestionDraft): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (!draft.name.trim()) problems.push('name_missing');
  if (!draft.text.trim()) problems.push('text_missing');
  if (!Number.isFinite(draft.points) || draft.points <= 0 || draft.points > 1000) problems.push('points_invalid');
  return [...problems, ...bodyProblems(draft.body)];
}

function bodyProblems(body: QuestionBody): QuestionProblem[] {
  switch (body.kind) {
    case 'single':
    case 'multiple':
      return choiceProblems(body.kind, body.choices);
    case 'truefalse':
    case 'essay':
      return [];
    case 'short':
      if (!body.answers.length || body.answers.some((a) => !a.text.trim())) return ['answers_missing'];
      if (body.answers.some((a) => !inRange(a.fraction, 0))) return ['choice_fraction_invalid'];
      return hasFullMark(body.answers) ? [] : ['no_full_mark'];
    case 'numeric':
      if (!body.answers.length) return ['answers_missing'];
      if (body.answers.some((a) => !Number.isFinite(a.value))) return ['value_invalid'];
      if (body.answers.some((a) => !Number.isFinite(a.tolerance) || a.tolerance < 0)) return ['tolerance_invalid'];
      if (body.answers.some((a) => !inRange(a.fraction, 0))) return ['choice_fraction_invalid'];
      return hasFullMark(body.answers) ? [] : ['no_full_mark'];
  }
}

function choiceProblems(kind: 'single' | 'multiple', choices: Choice[]): QuestionProblem[] {
  if (choices.length < 2) return ['choices_too_few'];
  if (choices.some((c) => !c.text.trim())) return ['choice_text_missing'];
  if (choices.some((c) => !inRange(c.fraction, kind === 'multiple' ? -1 : 0))) return ['choice_fraction_invalid'];
  if (kind === 'single') return hasFullMark(choices) ? [] : ['no_full_mark'];
  const right = choices.filter((c) => c.fraction > 0).reduce((sum, c) => sum + c.fraction, 0);
  return Math.abs(right - 1) <= 0.001 ? [] : ['multiple_fractions_not_whole'];
}

const hasFullMark = (answers: { fraction: number }[]) => answers.some((a) => Math.abs(a.fraction - 1) <= EPSILON);
