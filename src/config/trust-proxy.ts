import { isIP } from 'node:net';

/**
 * Which proxies' X-Forwarded-For/-Proto a web process believes (Express's `trust proxy`): none (false), the last
 * `n` hops, or the proxies at these addresses (IP addresses, CIDR ranges, or `loopback`, `linklocal`,
 * `uniquelocal`). Believing a header no proxy of ours wrote would let any client name its own address to the
 * rate limits and the audit log, so it is off unless set.
 */
export type TrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `false` (also empty, `0`, `no`), `true` (`yes`: one hop, the load balancer in front), a hop count,
 * or a comma-separated list of addresses and ranges. Throws naming the entry it cannot read.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim().toLowerCase();
  if (['', 'false', 'no', '0'].includes(text)) return false;
  if (['true', 'yes'].includes(text)) return 1;
  if (/^\d+$/.test(text)) {
    if (Number(text) > 20) throw new Error('a hop count above 20 is not a plausible chain of proxies');
    return Number(text);
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrRange(entry));
  if (bad !== undefined) {
    throw new Error(`"${bad}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal (or use true, false or a hop count)`);
  }
  return entries;
}
