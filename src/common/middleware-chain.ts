import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Several middlewares run as one, in their order, with the router's rules for each: a thrown error or a rejected
 * promise goes to the error handlers, `next(err)` skips the rest, `next('route')` goes on, `next('router')` leaves
 * the router. Every layer of the application's router costs each request a pass through its matching and
 * bookkeeping; a chain of the middlewares mounted on every path costs one.
 */
export function middlewareChain(...handlers: RequestHandler[]): RequestHandler {
  if (handlers.some((handler) => handler.length > 3)) throw new Error('an error-handling middleware cannot run in a chain');
  return (req: Request, res: Response, done: NextFunction): void => {
    let at = 0;
    const next = (err?: unknown): void => {
      if (err === 'router' || (err && err !== 'route')) return done(err);
      const handler = handlers[at++];
      if (!handler) return done();
      try {
        const returned: unknown = handler(req, res, next);
        if (returned instanceof Promise) returned.catch((error: unknown) => next(error || new Error('Rejected promise')));
      } catch (error) {
        next(error);
      }
    };
    next();
  };
}
