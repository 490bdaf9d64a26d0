import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';
import { fixedPrefix, indexRoutes } from './route-index';

type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * Routes in an order where parameter and wildcard paths compete with fixed ones for the same requests; some pass
 * the request on (`next()`, `next('route')`), fail it, or leave the router (`next('router')`).
 */
const ROUTES: [Method, string, (req: Request, res: Response, next: NextFunction) => void][] = [
  ['get', '/', answer],
  ['get', '/login', answer],
  ['post', '/login', answer],
  ['get', '/api/v1/me', answer],
  ['put', '/api/v1/me', answer],
  ['get', '/api/v1/users/:id', (req, res, next) => (req.params.id === 'pass' ? next() : answer(req, res))],
  ['get', '/api/v1/users/:id', (req, res, next) => (req.params.id === 'pass' ? next('route') : answer(req, res))],
  ['get', '/api/v1/users/:id/tokens', answer],
  ['get', '/API/v1/shout', answer],
  ['get', '/api/v1/fail', (_req, _res, next) => next(new Error('failed'))],
  [
    'get',
    '/api/v1/throw',
    () => {
      throw new Error('thrown');
    },
  ],
  ['get', '/api/v1/leave', (_req, _res, next) => next('router')],
  ['get', '/:slug', answer],
  ['get', '/verify', answer],
  ['get', '/verify/:code', answer],
  ['get', '/files{/:name}', answer],
  ['get', '/favicon.ico', answer],
  ['get', '/my-sessions/*rest', answer],
  ['delete', '/*everything', answer],
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
  '/api/v1/m',
  '/api%2Fv1/me',
  '/api/v1/users/42',
  '/api/v1/users/pass',
  '/api/v1/users/%C4%81/tokens',
  '/API/V1/USERS/7/TOKENS/',
  '/api/v1/users',
  '/api/v1/shout',
  '/api/v1/fail',
  '/api/v1/throw',
  '/api/v1/leave',
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
  '/\u212Aelvin',
  '/login?next=/api/v1/me',
];

function answer(req: Request, res: Response): void {
  res.json({ route: req.route?.path, params: req.params });
}

/** The routes between middleware before them and Nest's way after them: a 404 handler, then an error handler. */
function app(indexed: boolean): Express {
  const made = express();
  made.use((req, _res, next) => {
    req.headers['x-before'] = 'seen';
    next();
  });
  for (const [method, path, handler] of ROUTES) made[method](path, handler);
  made.use((req, res) => res.status(404).json({ found: 'none', before: req.headers['x-before'], params: req.params }));
  made.use((err: Error, _req: Request, res: Response, _next: NextFunction) => res.status(500).json({ error: err.message }));
  if (indexed) expect(indexRoutes(made.router as never)).toBe(ROUTES.length);
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
  it('answers every request as the routes in place would: the same route, parameters, errors and 404s', async () => {
    const plain = app(false);
    const indexed = app(true);
    for (const method of ['get', 'head', 'post', 'put', 'delete', 'options'] as const) {
      for (const path of PATHS) {
        const [expected, actual] = await Promise.all([request(plain)[method](path), request(indexed)[method](path)]);
        const seen = (res: request.Response) => ({ method, path, status: res.status, body: res.body, allow: res.headers.allow });
        expect(seen(actual)).toEqual(seen(expected));
      }
    }
  });

  it('tries a path against only the routes whose fixed text it starts with', async () => {
    const made = express();
    for (const path of ['/api/v1/users/:id', '/api/v1/me', '/:slug', '/verify/:code', '/api/v1/me/sessions']) made.get(path, answer);
    made.use((_req, res) => res.status(404).end());
    const tried: unknown[] = [];
    for (const layer of made.router.stack as unknown as { route?: { path: string }; match: (path: string) => unknown }[]) {
      const match = layer.match.bind(layer);
      layer.match = (path) => {
        if (layer.route) tried.push(layer.route.path);
        return match(path);
      };
    }
    indexRoutes(made.router as never);
    expect((await request(made).get('/API/v1/me')).body).toEqual({ route: '/api/v1/me', params: {} });
    expect(tried).toEqual(['/api/v1/me']);
    tried.length = 0;
    expect((await request(made).get('/verify')).body).toEqual({ route: '/:slug', params: { slug: 'verify' } });
    expect(tried).toEqual(['/:slug']);
  });

  it('leaves routes with nothing after them alone, where the router answers OPTIONS itself', () => {
    const made = express();
    made.get('/a', answer);
    made.get('/b', answer);
    expect(indexRoutes(made.router as never)).toBe(0);
  });
});
