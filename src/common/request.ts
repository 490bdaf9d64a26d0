import type { Request } from 'express';

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
