import { type QuestionDraft, type QuestionProblem, questionProblems } from './question-body';

/** Why an imported question was refused, beyond the problems of a question itself. */
export type ImportProblem = QuestionProblem | 'unsupported_type' | 'syntax';

/** One question of an imported file, in the order of the file, with what became of it. */
export type ImportItem =
  | { position: number; name: string; outcome: 'imported'; draft: QuestionDraft }
  | { position: number; name: string; outcome: 'refused'; problems: ImportProblem[]; detail?: string };

export class ImportFileError extends Error {
  constructor(
    readonly code: 'too_large' | 'not_xml' | 'doctype_refused' | 'not_moodle_xml' | 'empty',
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/** The largest question file taken: a bank of several thousand questions fits well under it. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Checks a parsed draft and turns it into a report line. */
export function importItem(position: number, draft: QuestionDraft): ImportItem {
  const problems = questionProblems(draft);
  return problems.length
    ? { position, name: draft.name, outcome: 'refused', problems }
    : { position, name: draft.name, outcome: 'imported', draft };
}

/** A percentage as a fraction, to seven places, so that 33.33333 % reads as 0.3333333 and not a float's neighbour. */
export function fractionFromPercent(percent: number): number {
  return Math.round(percent * 100000) / 10000000;
}

/** A name for a question that came without one: its text's first words. */
export function nameFromText(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length <= 60 ? words : `${words.slice(0, 57).trimEnd()}…`;
}
