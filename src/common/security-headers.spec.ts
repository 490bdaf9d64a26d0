import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { securityHeaders } from './security-headers';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"] },
  },
  crossOriginEmbedderPolicy: false,
};

/** A response that keeps the headers set on it, starting with one helmet removes. */
function recorder() {
  const headers = new Map<string, unknown>([['X-Powered-By', 'Express']]);
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
  };
  return { headers, res };
}

describe('securityHeaders', () => {
  it('sets on every response exactly the headers helmet sets', () => {
    const fromHelmet = recorder();
    helmet(OPTIONS)({} as IncomingMessage, fromHelmet.res as unknown as ServerResponse, () => undefined);
    const middleware = securityHeaders(OPTIONS);
    for (let i = 0; i < 2; i += 1) {
      const ours = recorder();
      const next = jest.fn();
      middleware({} as Request, ours.res as unknown as Response, next);
      expect(next).toHaveBeenCalledWith();
      expect(Object.fromEntries(ours.headers)).toEqual(Object.fromEntries(fromHelmet.headers));
    }
    expect(fromHelmet.headers.get('Content-Security-Policy')).toBe("default-src 'self';img-src 'self' data:;frame-ancestors 'none'");
  });

  it('refuses a policy with a directive computed per request', () => {
    const nonce = () => "'nonce-abc'";
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", nonce] } },
      }),
    ).toThrow(/per request/);
  });
});
