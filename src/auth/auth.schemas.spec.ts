import { safeNext } from './auth.schemas';

describe('redirect after login', () => {
  it.each([
    ['/admin/users?page=2', '/admin/users?page=2'],
    [undefined, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/admin\u0000', '/'],
    ['/admin\r\nSet-Cookie: x=1', '/'],
  ])('sends %s to %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
