import { type QuestionDraft, questionProblems } from './question-body';

const draft = (body: QuestionDraft['body'], extra: Partial<QuestionDraft> = {}): QuestionDraft => ({
  name: 'Jautājums',
  text: 'Teksts?',
  points: 1,
  body,
  ...extra,
});
const choice = (id: string, fraction: number, text = id) => ({ id, text, fraction });

describe('what a question needs', () => {
  it('keeps a well-formed question of each kind', () => {
    expect(questionProblems(draft({ kind: 'single', choices: [choice('a', 1), choice('b', 0)] }))).toEqual([]);
    expect(questionProblems(draft({ kind: 'multiple', choices: [choice('a', 0.5), choice('b', 0.5), choice('c', -1)] }))).toEqual([]);
    expect(questionProblems(draft({ kind: 'truefalse', correct: true }))).toEqual([]);
    expect(questionProblems(draft({ kind: 'short', answers: [{ text: 'x', fraction: 1 }], ignoreDiacritics: true }))).toEqual([]);
    expect(questionProblems(draft({ kind: 'numeric', answers: [{ value: 1, tolerance: 0, fraction: 1 }] }))).toEqual([]);
    expect(questionProblems(draft({ kind: 'essay', guidance: '' }))).toEqual([]);
  });

  it('needs a name, a text and points between 0 and 1000', () => {
    const essay = { kind: 'essay' as const, guidance: '' };
    expect(questionProblems(draft(essay, { name: ' ', text: '' }))).toEqual(['name_missing', 'text_missing']);
    expect(questionProblems(draft(essay, { points: 0 }))).toEqual(['points_invalid']);
    expect(questionProblems(draft(essay, { points: Number.NaN }))).toEqual(['points_invalid']);
    expect(questionProblems(draft(essay, { points: 1000 }))).toEqual([]);
    expect(questionProblems(draft(essay, { points: 1000.5 }))).toEqual(['points_invalid']);
  });

  it('needs two choices with texts, one worth full marks for a single choice', () => {
    expect(questionProblems(draft({ kind: 'single', choices: [choice('a', 1)] }))).toEqual(['choices_too_few']);
    expect(questionProblems(draft({ kind: 'single', choices: [choice('a', 1), choice('b', 0, ' ')] }))).toEqual(['choice_text_missing']);
    expect(questionProblems(draft({ kind: 'single', choices: [choice('a', 0.9), choice('b', 0)] }))).toEqual(['no_full_mark']);
    expect(questionProblems(draft({ kind: 'single', choices: [choice('a', 1), choice('b', -0.5)] }))).toEqual(['choice_fraction_invalid']);
    expect(questionProblems(draft({ kind: 'single', choices: [choice('a', 1.5), choice('b', 0)] }))).toEqual(['choice_fraction_invalid']);
  });

  it('needs the right choices of a multiple choice to add up to full marks; wrong ones may cost up to full marks', () => {
    expect(questionProblems(draft({ kind: 'multiple', choices: [choice('a', 0.5), choice('b', 0.4)] }))).toEqual([
      'multiple_fractions_not_whole',
    ]);
    expect(
      questionProblems(draft({ kind: 'multiple', choices: [choice('a', 0.3333333), choice('b', 0.3333333), choice('c', 0.3333334)] })),
    ).toEqual([]);
    expect(questionProblems(draft({ kind: 'multiple', choices: [choice('a', 1), choice('b', -1.5)] }))).toEqual([
      'choice_fraction_invalid',
    ]);
  });

  it('needs short and numeric answers with a full-mark answer and a sane tolerance', () => {
    expect(questionProblems(draft({ kind: 'short', answers: [], ignoreDiacritics: false }))).toEqual(['answers_missing']);
    expect(questionProblems(draft({ kind: 'short', answers: [{ text: '', fraction: 1 }], ignoreDiacritics: false }))).toEqual([
      'answers_missing',
    ]);
    expect(questionProblems(draft({ kind: 'short', answers: [{ text: 'a', fraction: 0.5 }], ignoreDiacritics: false }))).toEqual([
      'no_full_mark',
    ]);
    expect(questionProblems(draft({ kind: 'numeric', answers: [] }))).toEqual(['answers_missing']);
    expect(questionProblems(draft({ kind: 'numeric', answers: [{ value: Number.NaN, tolerance: 0, fraction: 1 }] }))).toEqual([
      'value_invalid',
    ]);
    expect(questionProblems(draft({ kind: 'numeric', answers: [{ value: 1, tolerance: -1, fraction: 1 }] }))).toEqual([
      'tolerance_invalid',
    ]);
    expect(questionProblems(draft({ kind: 'numeric', answers: [{ value: 1, tolerance: 0, fraction: 0.5 }] }))).toEqual(['no_full_mark']);
  });
});
