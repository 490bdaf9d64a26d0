import type { Request } from 'express';
import type { Actor } from './actor';

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

/** The caller of a request as services see it (see `Actor`); anonymous callers have no id and no roles. */
export function actorFromRequest(req: Request): Actor {
  return {
    kind: 'user',
    userId: req.user?.id ?? null,
    roles: req.user?.roles ?? [],
    language: req.lang ?? 'lv',
    ip: clientIp(req),
    requestId: req.id === undefined ? null : String(req.id),
  };
}
