import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import request from 'supertest';
import { middlewareChain } from './middleware-chain';

/** Each middleware acts on `?<its name>=<what>`: passes by default, and leaves its mark on the response. */
function step(name: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.append('X-Steps', name);
    switch (req.query[name]) {
      case 'fail':
        return next(new Error(`${name} failed`));
      case 'throw':
        throw new Error(`${name} threw`);
      case 'reject':
        return Promise.reject(new Error(`${name} rejected`));
      case 'later':
        return void setImmediate(() => next());
      case 'route':
        return next('route');
      case 'router':
        return next('router');
      case 'answer':
        return void res.send(`${name} answered`);
      default:
        return next();
    }
  };
}

function app(mount: (app: express.Express, handlers: RequestHandler[]) => void) {
  const made = express();
  mount(made, ['a', 'b', 'c'].map(step));
  made.get('/', (_req, res) => res.send('route'));
  made.use((err: Error, _req: Request, res: Response, _next: NextFunction) => res.status(500).send(`error: ${err.message}`));
  return made;
}

const oneByOne = app((made, handlers) => handlers.forEach((handler) => made.use(handler)));
const chained = app((made, handlers) => made.use(middlewareChain(...handlers)));

const QUERIES = [
  '',
  'a=later&c=later',
  'b=fail',
  'a=throw',
  'c=reject',
  'b=route',
  'b=router',
  'b=answer',
  'a=later&b=throw',
  'c=later&c=fail',
];

describe('middlewareChain', () => {
  it.each(QUERIES)('answers ?%s as the same middlewares mounted one by one do', async (query) => {
    const [expected, actual] = await Promise.all([request(oneByOne).get(`/?${query}`), request(chained).get(`/?${query}`)]);
    expect(actual.status).toBe(expected.status);
    expect(actual.text).toBe(expected.text);
    expect(actual.headers['x-steps']).toBe(expected.headers['x-steps']);
  });

  it('runs every middleware in its order before the route', async () => {
    const res = await request(chained).get('/');
    expect(res.headers['x-steps']).toBe('a, b, c');
    expect(res.text).toBe('route');
  });

  it('refuses an error-handling middleware, which the router would have skipped', () => {
    const handler = (_err: unknown, _req: Request, _res: Response, next: NextFunction) => next();
    expect(() => middlewareChain(handler as unknown as RequestHandler)).toThrow(/error-handling/);
  });
});
