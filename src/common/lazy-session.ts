import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Session, SessionData } from 'express-session';

/** Requests that brought no session cookie and whose session nothing has asked for yet. */
const unmade = new WeakSet<Request>();

/** Runs express-session for the request now: without a session cookie it makes the new session at once. */
function make(req: Request, res: Response, sessions: RequestHandler): void {
  unmade.delete(req);
  delete (req as { session?: unknown }).session;
  let done = false;
  let failure: unknown;
  void sessions(req, res, (err?: unknown) => {
    done = true;
    failure = err;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  if (!done) throw new Error('the session middleware did not make a new session at once');
}

/**
 * express-session gives a visitor without a session cookie a new session on every request (a random id, a
 * cookie object, a SHA-1 of the session at the start and another at the end to see whether it changed) even when
 * nothing reads or writes it and it is never stored, as on the public verification page or an anonymous API call.
 * Here such a request gets its session only when something uses `req.session`: express-session then runs at that
 * moment, before the response is written (its hooks on the headers and the end are in place as they would have
 * been), and the session is stored and its cookie set exactly when they would have been. Requests that bring the
 * cookie go through express-session as before.
 */
export function lazySession(cookieName: string, sessions: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // express-session finds its cookie only under its name, so a header without the name holds none.
    if (req.headers.cookie?.includes(cookieName)) return sessions(req, res, next);
    unmade.add(req);
    Object.defineProperty(req, 'session', {
      configurable: true,
      enumerable: true,
      get(): unknown {
        make(req, res, sessions);
        return req.session;
      },
      set(value: unknown) {
        make(req, res, sessions);
        (req as { session?: unknown }).session = value;
      },
    });
    next();
  };
}

/**
 * The request's session when it has one; undefined for a visitor whose new session nothing has needed yet,
 * which holds nothing (no user, language, flash or token). Reading through here does not make one.
 */
export function existingSession(req: Request): (Session & Partial<SessionData>) | undefined {
  return unmade.has(req) ? undefined : req.session;
}
