import { z } from 'zod';
import { email, requiredText, roleList } from './schemas';
import { parseWith } from './zod-validation.pipe';
import { ValidationFailedError } from './errors';

describe('validation', () => {
  const schema = z.strictObject({ email, name: requiredText(5), roles: roleList });

  function fieldErrors(value: unknown) {
    try {
      parseWith(schema, value);
    } catch (error) {
      if (error instanceof ValidationFailedError) return error.fieldErrors;
      throw error;
    }
    return [];
  }

  it('names every bad field with a translatable code', () => {
    expect(fieldErrors({ email: 'not-an-email', name: 'far too long', roles: ['wizard'], extra: 1 })).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'format.email' },
        { field: 'name', code: 'tooBig.string', params: { max: 5, count: 5 } },
        { field: 'roles.0', code: 'oneOf', params: { values: 'trainee, instructor, admin' } },
        { field: 'extra', code: 'unknownField' },
      ]),
    );
  });

  it('tells a value of the wrong type from a missing one', () => {
    expect(fieldErrors({ email: 42, name: 'Anna', roles: 'trainee' })).toEqual([{ field: 'email', code: 'type.string' }]);
  });

  it('reports a missing field as required', () => {
    expect(fieldErrors({ name: 'Anna', roles: 'trainee' })).toEqual([{ field: 'email', code: 'required' }]);
  });

  it('accepts one ticked checkbox as a list and lower-cases emails', () => {
    expect(parseWith(schema, { email: ' Anna@Example.LV ', name: 'Anna', roles: 'trainee' })).toEqual({
      email: 'anna@example.lv',
      name: 'Anna',
      roles: ['trainee'],
    });
  });
});
