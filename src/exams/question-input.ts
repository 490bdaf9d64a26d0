import { ValidationFailedError, type FieldError } from '../common/errors';
import { type QuestionBody, type QuestionDraft, type QuestionProblem, questionProblems } from './question-body';
import { fractionFromPercent } from './question-import';
import type { QuestionInput } from './question-bank.schemas';

/** The form field a problem of a draft is shown beside. */
const PROBLEM_FIELD: Partial<Record<QuestionProblem, string>> = {
  name_missing: 'name',
  text_missing: 'text',
  points_invalid: 'points',
};

const rowsField = (body: QuestionBody) =>
  body.kind === 'short' ? 'answers' : body.kind === 'numeric' ? 'numericAnswers' : body.kind === 'truefalse' ? 'correct' : 'choices';

/** Each choice keeps the id it came with; a new one gets the first `c<n>` no other choice holds. */
function choiceIds(choices: QuestionInput['choices']): string[] {
  const taken = new Set(choices.flatMap((c) => (c.id ? [c.id] : [])));
  let next = 1;
  return choices.map((c) => {
    if (c.id && taken.has(c.id)) {
      taken.delete(c.id);
      return c.id;
    }
    while (taken.has(`c${next}`) || choices.some((other) => other.id === `c${next}`)) next++;
    return `c${next++}`;
  });
}

function bodyOf(input: QuestionInput): QuestionBody {
  switch (input.kind) {
    case 'single':
    case 'multiple':
      return {
        kind: input.kind,
        choices: input.choices.map((c, i) => ({
          id: choiceIds(input.choices)[i],
          text: c.text,
          fraction: fractionFromPercent(c.percent),
          ...(c.feedback ? { feedback: c.feedback } : {}),
        })),
      };
    case 'truefalse':
      if (!input.correct) throw ValidationFailedError.field('correct', 'required');
      return { kind: 'truefalse', correct: input.correct === 'true' };
    case 'short':
      return {
        kind: 'short',
        answers: input.answers.map((a) => ({ text: a.text, fraction: fractionFromPercent(a.percent) })),
        ignoreDiacritics: input.ignoreDiacritics,
      };
    case 'numeric':
      return {
        kind: 'numeric',
        answers: input.numericAnswers.map((a) => ({ value: a.value, tolerance: a.tolerance, fraction: fractionFromPercent(a.percent) })),
      };
    case 'essay':
      return { kind: 'essay', guidance: input.guidance };
  }
}

/** A checked input as a draft of the question rules, or the problems of it named by field. */
export function draftFromInput(input: QuestionInput): QuestionDraft {
  const draft: QuestionDraft = {
    name: input.name,
    text: input.text,
    points: Math.round(input.points * 100) / 100,
    body: bodyOf(input),
    generalFeedback: input.generalFeedback,
  };
  const problems = questionProblems(draft);
  if (problems.length) {
    const errors: FieldError[] = problems.map((problem) => ({
      field: PROBLEM_FIELD[problem] ?? rowsField(draft.body),
      code: `question.${problem}`,
    }));
    throw new ValidationFailedError(errors);
  }
  return draft;
}

/** A stored body as the form's fields, shares back in percent. */
export function inputFieldsOf(draft: QuestionDraft): Record<string, unknown> {
  const percent = (fraction: number) => String(Math.round(fraction * 10000000) / 100000);
  const body = draft.body;
  return {
    kind: body.kind,
    name: draft.name,
    text: draft.text,
    points: String(draft.points),
    generalFeedback: draft.generalFeedback ?? '',
    choices:
      'choices' in body
        ? body.choices.map((c) => ({ id: c.id, text: c.text, percent: percent(c.fraction), feedback: c.feedback ?? '' }))
        : [],
    correct: body.kind === 'truefalse' ? String(body.correct) : undefined,
    answers: body.kind === 'short' ? body.answers.map((a) => ({ text: a.text, percent: percent(a.fraction) })) : [],
    ignoreDiacritics: body.kind === 'short' && body.ignoreDiacritics,
    numericAnswers:
      body.kind === 'numeric'
        ? body.answers.map((a) => ({ value: String(a.value), tolerance: String(a.tolerance), percent: percent(a.fraction) }))
        : [],
    guidance: body.kind === 'essay' ? body.guidance : '',
  };
}
