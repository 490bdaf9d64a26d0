import { safeNext } from './auth.schemas';

describe('redirect after login', () => {
  it.each([
    ['/admin/users?page=2', '/admin/users?page=2'],
    [undefined, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
  ])('sends %s to %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
