import { parseEnv } from './env.schema';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    for (const off of ['false', 'no', '0', '']) expect(parseTrustProxy(off)).toBe(false);
  });

  it('takes true as the one load balancer in front, or a number of hops', () => {
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('yes')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
  });

  it('takes a list of the proxies’ addresses and ranges', () => {
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,fd00::/8 , loopback')).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it.each([
    ['10.0.0.300', /"10.0.0.300" is not an IP address/],
    ['10.0.0.0/33', /"10.0.0.0\/33" is not/],
    ['proxy.internal', /"proxy.internal" is not/],
    ['99', /hop count above 20/],
  ])('refuses %s, naming it', (value, reason) => {
    expect(() => parseTrustProxy(value)).toThrow(reason);
    expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});
