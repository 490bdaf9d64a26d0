import { ValidationFailedError } from './errors';
import { assertNoControlCharacters, controlCharacterErrors, textProblem } from './control-characters';

describe('textProblem', () => {
  it('accepts Latvian text with punctuation', () => {
    expect(textProblem('Ģirts Ķēniņš — “Rīga”')).toBeNull();
  });

  it.each(['x\u0000y', '\u0007', 'a\u001bb', 'del\u007f', 'c1\u0085', 'c1\u009f'])('refuses the control character in %j', (value) => {
    expect(textProblem(value)).toBe('text.controlCharacter');
    expect(textProblem(value, { multiline: true })).toBe('text.controlCharacter');
  });

  it('refuses a line break or tab in a one-line text, naming the line break', () => {
    expect(textProblem('first\nsecond')).toBe('text.lineBreak');
    expect(textProblem('first\r\nsecond')).toBe('text.lineBreak');
    expect(textProblem('a\tb')).toBe('text.controlCharacter');
  });

  it('keeps line breaks and tabs in a multi-line text', () => {
    expect(textProblem('first\r\nsecond\n\tthird', { multiline: true })).toBeNull();
  });

  it('still refuses a NUL in a multi-line text that also has line breaks', () => {
    expect(textProblem('first\nsec\u0000ond', { multiline: true })).toBe('text.controlCharacter');
  });
});

describe('controlCharacterErrors', () => {
  it('names each parameter by its path, nested objects and arrays included', () => {
    expect(controlCharacterErrors({ q: 'a\u0000', page: '2', filter: { status: ['ok', 'x\ny'] } }, '')).toEqual([
      { field: 'q', code: 'text.controlCharacter' },
      { field: 'filter.status.1', code: 'text.lineBreak' },
    ]);
  });

  it('names a single parameter by its name', () => {
    expect(() => assertNoControlCharacters('\u0000', 'next')).toThrow(ValidationFailedError);
    expect(controlCharacterErrors('/\u0000', 'next')).toEqual([{ field: 'next', code: 'text.controlCharacter' }]);
  });

  it('lets numbers, booleans and clean strings through', () => {
    expect(() => assertNoControlCharacters({ a: 1, b: true, c: null, d: 'ok' })).not.toThrow();
  });
});
