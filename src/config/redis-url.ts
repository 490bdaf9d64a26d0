/**
 * What REDIS_URL names: one Redis, a Redis Cluster or a Sentinel group.
 *
 * - `redis://[user:password@]host:port[/db]` (`rediss://` for TLS): one server.
 * - `redis+cluster://[user:password@]host1:port1,host2:port2,…` (`rediss+cluster://`): a Redis Cluster; the nodes
 *   listed are where the client starts, it learns the others from them.
 * - `redis+sentinel://[user:password@]host1:port1,host2:port2/master-name[/db][?sentinelPassword=…]`
 *   (`rediss+sentinel://`): the master that the Sentinels name `master-name`; the user and password are the
 *   Redis server's, `sentinelPassword` the Sentinels' own when they require one.
 */
export interface HostPort {
  host: string;
  port: number;
}

interface Credentials {
  username?: string;
  password?: string;
  tls: boolean;
}

export type RedisTarget =
  | ({ kind: 'single'; url: string } & Credentials)
  | ({ kind: 'cluster'; nodes: HostPort[] } & Credentials)
  | ({ kind: 'sentinel'; sentinels: HostPort[]; masterName: string; db: number; sentinelPassword?: string } & Credentials);

export class InvalidRedisUrlError extends Error {}

const SHAPE = /^(rediss?)(\+cluster|\+sentinel)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?$/;

function hostPorts(list: string, defaultPort: number): HostPort[] {
  return list.split(',').map((entry) => {
    const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(entry.trim());
    if (!match) throw new InvalidRedisUrlError(`"${entry}" is not host:port`);
    const port = match[2] === undefined ? defaultPort : Number(match[2]);
    if (port < 1 || port > 65535) throw new InvalidRedisUrlError(`port ${port} of "${entry}" is out of range`);
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
}

function database(segment: string | undefined): number {
  if (!segment) return 0;
  if (!/^\d{1,2}$/.test(segment)) throw new InvalidRedisUrlError(`"${segment}" is not a database number`);
  return Number(segment);
}

/** Reads REDIS_URL; the error names what is wrong with it. */
export function parseRedisUrl(value: string): RedisTarget {
  const match = SHAPE.exec(value.trim());
  if (!match) {
    throw new InvalidRedisUrlError(
      'must start with redis://, rediss://, redis+cluster://, rediss+cluster://, redis+sentinel:// or rediss+sentinel://',
    );
  }
  const [, scheme, mode, user, pass, hosts, path, query] = match;
  if (!hosts) throw new InvalidRedisUrlError('names no host');
  const credentials: Credentials = {
    tls: scheme === 'rediss',
    username: user ? decodeURIComponent(user) : undefined,
    password: pass !== undefined ? decodeURIComponent(pass) : undefined,
  };
  const segments = (path ?? '').split('/').filter(Boolean);
  if (!mode) {
    if (hosts.includes(',')) throw new InvalidRedisUrlError('names several hosts: use redis+cluster:// or redis+sentinel://');
    hostPorts(hosts, 6379);
    if (segments.length > 1) throw new InvalidRedisUrlError('has a path other than a database number');
    database(segments[0]);
    return { kind: 'single', url: value.trim(), ...credentials };
  }
  if (mode === '+cluster') {
    if (segments.length) throw new InvalidRedisUrlError('a cluster has no database number or path');
    return { kind: 'cluster', nodes: hostPorts(hosts, 6379), ...credentials };
  }
  if (!segments[0]) throw new InvalidRedisUrlError('names no master: redis+sentinel://host:26379,…/master-name');
  if (segments.length > 2) throw new InvalidRedisUrlError('has a path other than /master-name/db');
  const params = new URLSearchParams(query ?? '');
  return {
    kind: 'sentinel',
    sentinels: hostPorts(hosts, 26379),
    masterName: decodeURIComponent(segments[0]),
    db: database(segments[1]),
    sentinelPassword: params.get('sentinelPassword') ?? undefined,
    ...credentials,
  };
}

/** The hosts of a target, for messages (never its password). */
export function describeRedisTarget(target: RedisTarget): string {
  if (target.kind === 'single') {
    const url = new URL(target.url);
    return `${url.hostname}:${url.port || '6379'}`;
  }
  const list = (target.kind === 'cluster' ? target.nodes : target.sentinels).map((n) => `${n.host}:${n.port}`).join(', ');
  return target.kind === 'cluster' ? `the Redis Cluster at ${list}` : `the Sentinels at ${list} (master ${target.masterName})`;
}
