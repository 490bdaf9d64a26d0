import { FieldError, ValidationFailedError } from './errors';

/* eslint-disable no-control-regex -- control characters are exactly what these look for */
/** C0 controls, DEL and C1 controls: none belongs in a name, a title or a search. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return, which a multi-line text may hold. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */

export type TextProblem = 'text.controlCharacter' | 'text.lineBreak';

/** Why a text cannot be kept as it is (a key under `validation.`), or null when it can. */
export function textProblem(value: string, { multiline = false } = {}): TextProblem | null {
  if (CONTROL_BUT_LINES.test(value)) return 'text.controlCharacter';
  if (!multiline && ANY_CONTROL.test(value)) return /[\n\r]/.test(value) ? 'text.lineBreak' : 'text.controlCharacter';
  return null;
}

/** Every string in a query or route parameters that holds a control character, named by its path. */
export function controlCharacterErrors(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    const code = textProblem(value);
    return code ? [{ field: path || '_', code }] : [];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      controlCharacterErrors(inner, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** Throws ValidationFailedError naming each parameter that holds a control character. */
export function assertNoControlCharacters(value: unknown, path = ''): void {
  const errors = controlCharacterErrors(value, path);
  if (errors.length) throw new ValidationFailedError(errors);
}
