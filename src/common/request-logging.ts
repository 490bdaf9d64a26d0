import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const UNLOGGED = ['/health', '/assets'];

/** The id of the request whose work is running, carried across its awaits. */
const currentRequest = new AsyncLocalStorage<string>();

/** The request's id: its X-Request-Id when that is sane, otherwise a new UUID. */
export function requestIdOf(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * pino's mixin: the fields of the request being served, added to each line as it is written (see
 * `loggerParams`), so a request needs no logger of its own. A new object each time: pino merges the line into it.
 */
export function requestLogFields(): { requestId?: string } {
  const requestId = currentRequest.getStore();
  return requestId === undefined ? {} : { requestId };
}

/**
 * Gives every request its id, runs the rest of it in a context that puts the id on every line logged meanwhile
 * (Nest's Logger included), and logs its end at info level, except health checks and assets.
 *
 * In place of pino-http, which built two child loggers and serialised the request on every request, logged or
 * not: here no logger is made per request and nothing is serialised unless a line is written.
 */
export function requestLogging() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdOf(req);
    req.id = requestId;
    const root = PinoLogger.root;
    if (root.isLevelEnabled('info') && !UNLOGGED.some((prefix) => req.url.startsWith(prefix))) {
      const started = Date.now();
      res.once('close', () => {
        const message = !res.writableFinished ? 'request aborted' : res.statusCode >= 500 ? 'request errored' : 'request completed';
        root.info({ requestId, req, res: { statusCode: res.statusCode }, responseTime: Date.now() - started }, message);
      });
    }
    currentRequest.run(requestId, next);
  };
}
