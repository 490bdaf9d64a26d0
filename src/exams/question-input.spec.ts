import { ValidationFailedError } from '../common/errors';
import { questionSchema } from './question-bank.schemas';
import { draftFromInput, inputFieldsOf } from './question-input';

const CATEGORY = '6f1c2b9e-3d4a-4b5c-8d7e-9f0a1b2c3d4e';
const input = (fields: Record<string, unknown>) =>
  questionSchema.parse({ categoryId: CATEGORY, name: 'Q', text: 'Teksts', points: '1', ...fields });

describe('a question from its form', () => {
  it('keeps the ids of choices it came with and gives new ones ids no other choice holds', () => {
    const draft = draftFromInput(
      input({
        kind: 'single',
        choices: [
          { id: 'c2', text: 'Otrā', percent: '100' },
          { text: 'Jauna', percent: '0' },
          { id: 'c2', text: 'Dublikāts', percent: '0' },
          { id: 'c1', text: 'Pirmā', percent: '0' },
        ],
      }),
    );
    expect(draft.body.kind === 'single' && draft.body.choices.map((c) => c.id)).toEqual(['c2', 'c3', 'c4', 'c1']);
  });

  it('drops rows left empty, reads a decimal comma, and gives shares as fractions', () => {
    const draft = draftFromInput(
      input({
        kind: 'multiple',
        points: '2,5',
        choices: {
          0: { text: 'A', percent: '50' },
          1: { text: '', percent: '', feedback: '' },
          2: { text: 'B', percent: '50' },
          3: { text: 'C', percent: '-100' },
        },
      }),
    );
    expect(draft.points).toBe(2.5);
    expect(draft.body).toEqual({
      kind: 'multiple',
      choices: [
        { id: 'c1', text: 'A', fraction: 0.5 },
        { id: 'c2', text: 'B', fraction: 0.5 },
        { id: 'c3', text: 'C', fraction: -1 },
      ],
    });
  });

  it('names the field of each problem', () => {
    const problems = (fields: Record<string, unknown>) => {
      try {
        draftFromInput(input(fields));
        return [];
      } catch (error) {
        return (error as ValidationFailedError).fieldErrors.map((e) => `${e.field}:${e.code}`);
      }
    };
    expect(problems({ kind: 'short', answers: [{ text: 'līgums', percent: '50' }] })).toEqual(['answers:question.no_full_mark']);
    expect(problems({ kind: 'numeric' })).toEqual(['numericAnswers:question.answers_missing']);
    expect(problems({ kind: 'truefalse' })).toEqual(['correct:required']);
    expect(problems({ kind: 'single', choices: [{ text: 'Viena', percent: '100' }] })).toEqual(['choices:question.choices_too_few']);
    expect(problems({ kind: 'essay', guidance: 'Norādes' })).toEqual([]);
  });

  it('turns a stored question back into the same form fields', () => {
    const fields = {
      kind: 'numeric',
      name: 'Rezerve',
      text: 'Cik?',
      points: '1.5',
      generalFeedback: '',
      numericAnswers: [{ value: '1000', tolerance: '5', percent: '100' }],
    };
    const draft = draftFromInput(input(fields));
    const back = inputFieldsOf(draft);
    expect(back).toMatchObject(fields);
    expect(draftFromInput(input(back))).toEqual(draft);
  });
});
