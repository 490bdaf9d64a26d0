import { comparableText, markResponse, parseDecimal, pointsFor } from './marking';
import type { QuestionBody } from './question-body';

const single: QuestionBody = {
  kind: 'single',
  choices: [
    { id: 'a', text: 'Ganta diagramma', fraction: 1 },
    { id: 'b', text: 'Tīkla grafiks', fraction: 0.5 },
    { id: 'c', text: 'Budžets', fraction: 0 },
  ],
};
const multiple: QuestionBody = {
  kind: 'multiple',
  choices: [
    { id: 'a', text: 'laiks', fraction: 0.5 },
    { id: 'b', text: 'izmaksas', fraction: 0.5 },
    { id: 'c', text: 'laikapstākļi', fraction: -0.5 },
    { id: 'd', text: 'krāsa', fraction: -1 },
  ],
};

describe('marking closed questions', () => {
  it('gives a single choice its fraction of the points, nothing for no answer', () => {
    expect(markResponse(single, { kind: 'single', choice: 'a' }, 2)).toEqual({ state: 'marked', fraction: 1, points: 2 });
    expect(markResponse(single, { kind: 'single', choice: 'b' }, 2)).toEqual({ state: 'marked', fraction: 0.5, points: 1 });
    expect(markResponse(single, { kind: 'single', choice: 'c' }, 2)).toEqual({ state: 'marked', fraction: 0, points: 0 });
    expect(markResponse(single, { kind: 'single', choice: null }, 2)).toEqual({ state: 'marked', fraction: 0, points: 0 });
    expect(markResponse(single, { kind: 'single', choice: 'x' }, 2).state).toBe('marked');
    expect(markResponse(single, null, 2)).toEqual({ state: 'marked', fraction: 0, points: 0 });
  });

  it('adds up multiple choices, wrong ones costing, never below zero nor above full marks', () => {
    const mark = (choices: string[]) => markResponse(multiple, { kind: 'multiple', choices }, 4);
    expect(mark(['a', 'b'])).toEqual({ state: 'marked', fraction: 1, points: 4 });
    expect(mark(['a'])).toEqual({ state: 'marked', fraction: 0.5, points: 2 });
    expect(mark(['a', 'b', 'c'])).toEqual({ state: 'marked', fraction: 0.5, points: 2 });
    expect(mark(['a', 'd'])).toEqual({ state: 'marked', fraction: 0, points: 0 });
    expect(mark(['a', 'b', 'c', 'd'])).toEqual({ state: 'marked', fraction: 0, points: 0 });
    expect(mark([])).toEqual({ state: 'marked', fraction: 0, points: 0 });
    expect(mark(['a', 'a', 'b'])).toEqual({ state: 'marked', fraction: 1, points: 4 });
  });

  it('marks true/false only when the answer matches', () => {
    const body: QuestionBody = { kind: 'truefalse', correct: false };
    expect(markResponse(body, { kind: 'truefalse', value: false }, 1)).toMatchObject({ fraction: 1 });
    expect(markResponse(body, { kind: 'truefalse', value: true }, 1)).toMatchObject({ fraction: 0 });
    expect(markResponse(body, { kind: 'truefalse', value: null }, 1)).toMatchObject({ fraction: 0 });
  });

  it('accepts any of several short answers, ignoring case and spaces, and diacritics only where the author chose', () => {
    const body = (ignoreDiacritics: boolean): QuestionBody => ({
      kind: 'short',
      answers: [
        { text: 'Līgums', fraction: 1 },
        { text: 'vienošanās', fraction: 0.5 },
      ],
      ignoreDiacritics,
    });
    const mark = (text: string, ignore = false) => markResponse(body(ignore), { kind: 'short', text }, 1);
    expect(mark('  LĪGUMS ')).toMatchObject({ fraction: 1 });
    expect(mark('Vienošanās')).toMatchObject({ fraction: 0.5 });
    expect(mark('ligums')).toMatchObject({ fraction: 0 });
    expect(mark('ligums', true)).toMatchObject({ fraction: 1 });
    expect(mark('vienosanas', true)).toMatchObject({ fraction: 0.5 });
    expect(mark('')).toMatchObject({ fraction: 0 });
    expect(mark('līgums x')).toMatchObject({ fraction: 0 });
  });

  it('takes the best of the short answers a text matches', () => {
    const body: QuestionBody = {
      kind: 'short',
      answers: [
        { text: 'riga', fraction: 0.5 },
        { text: 'Rīga', fraction: 1 },
      ],
      ignoreDiacritics: true,
    };
    expect(markResponse(body, { kind: 'short', text: 'Riga' }, 1)).toMatchObject({ fraction: 1 });
  });

  it('accepts a number within its tolerance, with a decimal comma or point', () => {
    const body: QuestionBody = {
      kind: 'numeric',
      answers: [
        { value: 3.14, tolerance: 0.01, fraction: 1 },
        { value: 3, tolerance: 0.5, fraction: 0.25 },
      ],
    };
    const mark = (text: string) => markResponse(body, { kind: 'numeric', text }, 2);
    expect(mark('3,14')).toEqual({ state: 'marked', fraction: 1, points: 2 });
    expect(mark('3.15')).toMatchObject({ fraction: 1 });
    expect(mark('3.13')).toMatchObject({ fraction: 1 });
    expect(mark('3.16')).toMatchObject({ fraction: 0.25 });
    expect(mark('3.5')).toMatchObject({ fraction: 0.25 });
    expect(mark('3.51')).toMatchObject({ fraction: 0 });
    expect(mark('trīs')).toMatchObject({ fraction: 0 });
  });

  it('leaves an essay for an instructor', () => {
    expect(markResponse({ kind: 'essay', guidance: '' }, { kind: 'essay', text: 'Teksts' }, 5)).toEqual({ state: 'manual' });
    expect(markResponse({ kind: 'essay', guidance: '' }, null, 5)).toEqual({ state: 'manual' });
  });

  it('gives nothing for an answer of another kind than the question', () => {
    expect(markResponse(single, { kind: 'short', text: 'a' }, 1)).toMatchObject({ fraction: 0 });
    expect(markResponse(multiple, { kind: 'single', choice: 'a' }, 1)).toMatchObject({ fraction: 0 });
  });

  it('rounds points to hundredths', () => {
    expect(pointsFor(1 / 3, 1)).toBe(0.33);
    expect(pointsFor(2 / 3, 1)).toBe(0.67);
    expect(pointsFor(0.5, 3)).toBe(1.5);
  });
});

describe('answer text', () => {
  it('folds every Latvian letter to its base letter when diacritics are ignored', () => {
    expect(comparableText('āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ', true)).toBe('acegiklnsuz acegiklnsuz');
    expect(comparableText('āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ', false)).toBe('āčēģīķļņšūž āčēģīķļņšūž');
  });

  it('treats decomposed and composed letters alike', () => {
    expect(comparableText('li\u0304gums', false)).toBe(comparableText('līgums', false));
  });

  it('reads numbers as people type them', () => {
    expect(parseDecimal('3,5')).toBe(3.5);
    expect(parseDecimal(' 1 000,25 ')).toBe(1000.25);
    expect(parseDecimal('1\u00a0000')).toBe(1000);
    expect(parseDecimal('\u22122.5')).toBe(-2.5);
    expect(parseDecimal('-0.5')).toBe(-0.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1e3')).toBe(1000);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1,000.5')).toBeNull();
    expect(parseDecimal('12abc')).toBeNull();
    expect(parseDecimal('abc12')).toBeNull();
    expect(parseDecimal('Infinity')).toBeNull();
  });
});
