import express, { type Express } from 'express';
import request from 'supertest';
import { fixedPrefix, indexRoutes } from './route-index';

/** Routes in an order where a parameter first segment and a later fixed one compete for the same paths. */
const ROUTES: [method: 'get' | 'post' | 'put' | 'delete', path: string][] = [
  ['get', '/'],
  ['get', '/login'],
  ['post', '/login'],
  ['get', '/api/v1/me'],
  ['put', '/api/v1/me'],
  ['get', '/api/v1/users/:id'],
  ['get', '/api/v1/users/:id/tokens'],
  ['get', '/API/v1/shout'],
  ['get', '/:slug'],
  ['get', '/verify'],
  ['get', '/verify/:code'],
  ['get', '/files{/:name}'],
  ['get', '/favicon.ico'],
  ['get', '/my-sessions/*rest'],
  ['delete', '/*everything'],
];

const PATHS = [
  '/',
  '//',
  '/login',
  '/login/',
  '/LOGIN',
  '//login',
  '/api/v1/me',
  '/Api/V1/Me/',
  '/api/v1/me/x',
  '/api%2Fv1/me',
  '/api/v1/users/42',
  '/api/v1/users/%C4%81/tokens',
  '/API/V1/USERS/7/TOKENS/',
  '/api/v1/users',
  '/api/v1/shout',
  '/verify',
  '/verify/ABCD-1234',
  '/files',
  '/files/a.pdf',
  '/files/',
  '/filesx',
  '/favicon.ico',
  '/favicon.ICO?x=1',
  '/my-sessions/a/b',
  '/nowhere/at/all',
  '/%E2%84%AAelvin',
  '/login?next=/api/v1/me',
];

function app(indexed: boolean): Express {
  const made = express();
  ROUTES.forEach(([method, path], at) => made[method](path, (req, res) => res.json({ at, params: req.params })));
  // All but /, /:slug and /*everything begin with fixed text.
  if (indexed) expect(indexRoutes(made.router.stack)).toBe(ROUTES.length - 3);
  made.use((_req, res) => res.status(404).json({ at: 'none' }));
  return made;
}

describe('fixedPrefix', () => {
  it('takes a route path up to its first parameter, wildcard, group or escape, lower-cased', () => {
    expect(fixedPrefix('/api/v1/Users/:id/tokens')).toBe('/api/v1/users/');
    expect(fixedPrefix('/api/v1/me/')).toBe('/api/v1/me');
    expect(fixedPrefix('/files{/:name}')).toBe('/files');
    expect(fixedPrefix('/a\\:b')).toBe('/a');
    expect(fixedPrefix('/*splat')).toBe('/');
    expect(fixedPrefix('/')).toBe('/');
    expect(fixedPrefix('/kafē/:x')).toBe('/kaf');
  });
});

describe('indexRoutes', () => {
  it('sends every request to the same route, with the same parameters, as the router alone', async () => {
    const plain = app(false);
    const indexed = app(true);
    for (const method of ['get', 'head', 'post', 'put', 'delete', 'options'] as const) {
      for (const path of PATHS) {
        const [expected, actual] = await Promise.all([request(plain)[method](path), request(indexed)[method](path)]);
        expect({ method, path, status: actual.status, body: actual.body, allow: actual.headers.allow }).toEqual({
          method,
          path,
          status: expected.status,
          body: expected.body,
          allow: expected.headers.allow,
        });
      }
    }
  });

  it('passes over a route whose fixed text the path does not start with, without running its expression', () => {
    const made = express();
    made.get('/api/v1/me', () => undefined);
    made.get('/:slug', () => undefined);
    const [fixed, parameter] = made.router.stack.slice(-2) as unknown as { match: (path: string) => unknown; matchers: jest.Mock[] }[];
    for (const layer of [fixed, parameter]) layer.matchers = layer.matchers.map((matcher) => jest.fn(matcher));
    indexRoutes(made.router.stack);

    expect(fixed.match('/login')).toBe(false);
    expect(fixed.match('/api/v1/m')).toBe(false);
    expect(fixed.matchers[0]).not.toHaveBeenCalled();
    expect(parameter.match('/login')).toMatchObject({ params: { slug: 'login' } });
    expect(fixed.match('/API/v1/me/')).toMatchObject({ path: '/API/v1/me/' });
    expect(fixed.matchers[0]).toHaveBeenCalledTimes(1);
  });
});
