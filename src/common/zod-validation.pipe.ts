import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { FieldError, ValidationFailedError } from './errors';

/** Turns zod issues into field errors whose codes are keys under `validation.` in the locale files. */
export function toFieldErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join('.') : '_';
    switch (issue.code) {
      case 'too_small':
        return { field, code: `tooSmall.${issue.origin}`, params: { min: Number(issue.minimum), count: Number(issue.minimum) } };
      case 'too_big':
        return { field, code: `tooBig.${issue.origin}`, params: { max: Number(issue.maximum), count: Number(issue.maximum) } };
      case 'invalid_format':
        return { field, code: `format.${issue.format}` };
      case 'invalid_value':
        return { field, code: 'oneOf', params: { values: issue.values.map(String).join(', ') } };
      case 'invalid_type':
        return { field, code: issue.input === undefined ? 'required' : `type.${issue.expected}` };
      case 'unrecognized_keys':
        return { field: issue.keys.join(', '), code: 'unknownField' };
      case 'custom':
        return { field, code: String(issue.params?.code ?? 'invalid'), params: issue.params?.values as FieldError['params'] };
      default:
        return { field, code: 'invalid' };
    }
  });
}

export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    // zod 4 leaves the input out of its issues unless asked; without it a wrong type would read as "required".
    const result = this.schema.safeParse(value ?? {}, { reportInput: true });
    if (!result.success) throw new ValidationFailedError(toFieldErrors(result.error.issues));
    return result.data;
  }
}

/** Validates with the schema, throwing ValidationFailedError with every bad field. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  return new ZodValidationPipe(schema).transform(value);
}
