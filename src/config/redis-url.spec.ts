import { describeRedisTarget, parseRedisUrl } from './redis-url';

describe('REDIS_URL', () => {
  it('names one server, with its credentials, database and TLS', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379')).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6379', tls: false });
    expect(parseRedisUrl('rediss://app:s%40cret@redis.example.lv:6380/2')).toMatchObject({
      kind: 'single',
      tls: true,
      username: 'app',
      password: 's@cret',
    });
  });

  it('names a cluster by the nodes to start from', () => {
    expect(parseRedisUrl('redis+cluster://10.0.0.1:7001,10.0.0.2:7002,10.0.0.3')).toEqual({
      kind: 'cluster',
      tls: false,
      nodes: [
        { host: '10.0.0.1', port: 7001 },
        { host: '10.0.0.2', port: 7002 },
        { host: '10.0.0.3', port: 6379 },
      ],
    });
    expect(parseRedisUrl('rediss+cluster://:pw@[::1]:7001')).toMatchObject({
      tls: true,
      password: 'pw',
      nodes: [{ host: '::1', port: 7001 }],
    });
  });

  it('names a Sentinel group, its master, database and the Sentinels’ own password', () => {
    expect(parseRedisUrl('redis+sentinel://:pw@s1:26379,s2/kursors/1?sentinelPassword=sp')).toEqual({
      kind: 'sentinel',
      tls: false,
      password: 'pw',
      username: undefined,
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      masterName: 'kursors',
      db: 1,
      sentinelPassword: 'sp',
    });
  });

  it.each([
    ['http://127.0.0.1:6379', /must start with redis:\/\//],
    ['redis://h1:7001,h2:7002', /several hosts: use redis\+cluster/],
    ['redis+cluster://h1:7001/0', /no database number/],
    ['redis+sentinel://s1:26379', /names no master/],
    ['redis+cluster://h1:99999', /out of range/],
    ['redis://127.0.0.1:6379/x', /not a database number/],
    ['redis+cluster://', /names no host/],
  ])('refuses %s, saying why', (url, reason) => {
    expect(() => parseRedisUrl(url)).toThrow(reason);
  });

  it('describes where it points without the password', () => {
    expect(describeRedisTarget(parseRedisUrl('redis://:secret@cache:6380'))).toBe('cache:6380');
    expect(describeRedisTarget(parseRedisUrl('redis+cluster://:secret@a:1,b:2'))).toBe('the Redis Cluster at a:1, b:2');
    expect(describeRedisTarget(parseRedisUrl('redis+sentinel://s:26379/m'))).toBe('the Sentinels at s:26379 (master m)');
  });
});
