import type { Request } from 'express';
import { requestIdOf } from './request-logging';

const withHeader = (value?: string) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as Request;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it('keeps a sane X-Request-Id', () => {
    expect(requestIdOf(withHeader('lb-7f3a.2_x'))).toBe('lb-7f3a.2_x');
    expect(requestIdOf(withHeader('a'.repeat(64)))).toBe('a'.repeat(64));
  });

  it('makes a new UUID when the header is missing, too long or carries other characters', () => {
    for (const given of [undefined, '', 'a'.repeat(65), 'id with spaces', 'x\ny', '<script>'])
      expect(requestIdOf(withHeader(given))).toMatch(UUID);
    expect(requestIdOf(withHeader())).not.toBe(requestIdOf(withHeader()));
  });
});
