import type { Request } from 'express';
import type { User } from '../users/user.entity';
import type { Language } from '../users/role';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** When the person logged in, for the absolute timeout. */
    loginAt?: number;
    csrfToken?: string;
    lang?: Language;
    flash?: { kind: 'success' | 'error' | 'info'; key: string; params?: Record<string, string | number> }[];
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: User;
      authMethod?: 'session' | 'token';
      lang: Language;
    }
  }
}

export type AppRequest = Request;

export function isApiRequest(req: Request): boolean {
  return req.path.startsWith('/api/');
}

/** An IPv4 address as people write it: Node gives `::ffff:10.0.0.7` when it listens on IPv6 as well. */
export function plainAddress(ip: string): string {
  return ip.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, '$1');
}

export function clientIp(req: Request): string {
  return plainAddress(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}
