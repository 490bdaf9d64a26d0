import { PipeTransform } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { FieldError, ValidationFailedError } from './errors';
import { errorResponseSchema } from './schemas';

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

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** Documents a zod schema as the request body in OpenAPI. */
export function ApiZodBody(schema: z.ZodType) {
  return applyDecorators(ApiBody({ schema: jsonSchema(schema) as never }));
}

/** Documents each property of a zod object schema as a query parameter in OpenAPI. */
export function ApiZodQuery(schema: z.ZodObject) {
  return applyDecorators(
    ...Object.entries(schema.shape).map(([name, field]) =>
      ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchema(field as z.ZodType) as never }),
    ),
  );
}

/** Documents a response whose body a zod schema describes. */
export function ApiZodResponse(status: number, description: string, schema?: z.ZodType) {
  return applyDecorators(ApiResponse({ status, description, ...(schema ? { schema: jsonSchema(schema) as never } : {}) }));
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each bad field.',
  401: 'Not signed in: no session and no valid API token.',
  403: 'Signed in without the role this needs, or a session write without X-CSRF-Token.',
  404: 'No such record.',
  409: 'Conflicts with the current state.',
  422: 'Understood but refused.',
};

/** Documents the error responses of an API route, all shaped `{ statusCode, code, message, errors? }`. */
export function ApiErrorResponses(...statuses: number[]) {
  return applyDecorators(...statuses.map((status) => ApiZodResponse(status, ERROR_DESCRIPTIONS[status] ?? 'Error.', errorResponseSchema)));
}
