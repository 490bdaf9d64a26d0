import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from './errors';
import { isApiRequest } from './request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** RFC 8058 one-click unsubscribe is posted by mail clients without cookies or tokens. */
const EXEMPT_PATHS = [/^\/unsubscribe\/[^/]+$/];

/** The synchronizer token of this session, created on first use. */
export function csrfToken(req: Request): string {
  req.session.csrfToken ??= randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

/** A new token after login, so a token seen before login is worthless after it. */
export function rotateCsrfToken(req: Request): void {
  req.session.csrfToken = randomBytes(32).toString('base64url');
}

function matches(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The first part of a multipart body may take this much; a token field is far smaller. */
const MAX_FIRST_PART_BYTES = 8 * 1024;

type FirstPart = { decided: false } | { decided: true; token?: string; rest?: Buffer };

/** Reads `--boundary`, the headers and the value of the body's first part, if it is the `_csrf` field. */
function csrfPart(body: Buffer, boundary: string): FirstPart {
  const text = body.toString('latin1');
  const offset = text.startsWith('\r\n') ? 2 : 0;
  const opening = `--${boundary}\r\n`;
  if (text.length - offset < opening.length) return { decided: false };
  if (!text.startsWith(opening, offset)) return { decided: true };
  const headersEnd = text.indexOf('\r\n\r\n', offset + opening.length);
  if (headersEnd < 0) return { decided: body.length >= MAX_FIRST_PART_BYTES };
  const headers = text.slice(offset + opening.length, headersEnd);
  if (!/^content-disposition:\s*form-data;\s*name="_csrf"\s*$/im.test(headers)) return { decided: true };
  const valueEnd = text.indexOf(`\r\n--${boundary}`, headersEnd + 4);
  if (valueEnd < 0) return { decided: body.length >= MAX_FIRST_PART_BYTES };
  // The rest starts at the next boundary: the upload handler reads the form as if the token had never been in it.
  return { decided: true, token: text.slice(headersEnd + 4, valueEnd), rest: body.subarray(valueEnd + 2) };
}

/**
 * A multipart form (an upload) carries its token as its first field, so the token never shows in the address
 * bar. Only that field is read here; the rest of the body stays on the request for the upload handler.
 */
function multipartToken(req: Request): Promise<string | undefined> {
  const boundary = /boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(req.get('content-type') ?? '');
  if (!boundary) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const finish = (token?: string, rest?: Buffer) => {
      req.off('readable', onReadable);
      req.off('end', onEnd);
      req.off('close', onEnd);
      if (rest?.length) req.unshift(rest);
      resolve(token);
    };
    const onEnd = () => finish();
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = req.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        const part = csrfPart(Buffer.concat(chunks), boundary[1] ?? boundary[2]);
        if (part.decided) return finish(part.token, part.rest);
      }
    };
    req.on('readable', onReadable);
    req.once('end', onEnd);
    req.once('close', onEnd);
  });
}

function check(req: Request, given: unknown, next: NextFunction): void {
  if (!matches(req.session?.csrfToken, given)) return next(new ForbiddenError('errors.csrf'));
  const body = req.body as Record<string, unknown> | undefined;
  if (body && '_csrf' in body) delete body._csrf;
  next();
}

/**
 * Every state-changing request carried by the session cookie must bring the session's token, in the
 * `_csrf` form field (the first field of a multipart form) or the `X-CSRF-Token` header, never in the query.
 * Requests authenticated by an API token carry no cookie and need none; nor do anonymous API calls, which no
 * cookie can forge.
 */
export function csrfProtection(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || req.authMethod === 'token') return next();
  if (EXEMPT_PATHS.some((pattern) => pattern.test(req.path))) return next();
  if (isApiRequest(req) && !req.user) return next();
  const body = req.body as Record<string, unknown> | undefined;
  // Never from the query string: a token in an address ends up in logs, history and Referer headers.
  const given = req.get('x-csrf-token') ?? body?._csrf;
  if (given === undefined && req.is('multipart/form-data')) {
    void multipartToken(req).then((token) => check(req, token, next), next);
    return;
  }
  check(req, given, next);
}
