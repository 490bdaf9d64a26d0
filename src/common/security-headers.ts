import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers for these options, worked out once. With no directive computed per request (no nonces), its
 * twelve middlewares set the same headers on every response, so one loop over the result does their work.
 */
export function securityHeaders(options: HelmetOptions): (req: Request, res: Response, next: NextFunction) => void {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.some((value) => typeof value === 'function' || (Array.isArray(value) && value.some((v) => typeof v === 'function')))) {
    throw new Error('a Content-Security-Policy directive is computed per request: use helmet itself');
  }
  const headers = new Map<string, string | number | readonly string[]>();
  const removed = new Set<string>();
  const probe = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name) || removed.add(name),
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, probe as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously: its headers cannot be worked out once');
  const fixed = [...headers];
  const unset = [...removed];
  return (_req, res, next) => {
    for (const [name, value] of fixed) res.setHeader(name, value);
    for (const name of unset) res.removeHeader(name);
    next();
  };
}
