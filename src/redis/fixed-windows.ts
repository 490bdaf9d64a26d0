import type { RedisClient } from './redis-connection';

/**
 * Takes one place in each window (KEYS[i] holds at most ARGV[i]) in a single step, or, when any is full,
 * gives them all back and answers how long until the fullest frees (ms, at least a second). Counting
 * before the guarded work starts is what keeps a burst of parallel requests inside the limit.
 */
const TAKE = `
local windowMs = ARGV[#KEYS + 1]
local wait = 0
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  redis.call('PEXPIRE', key, windowMs, 'NX')
  if count > tonumber(ARGV[i]) then wait = math.max(wait, redis.call('PTTL', key), 1000) end
end
if wait > 0 then
  for _, key in ipairs(KEYS) do redis.call('DECR', key) end
end
return wait
`;

/** A window's key (named with appKey, so that the keys of one call share a hash slot) and its limit. */
export interface WindowLimit {
  key: string;
  max: number;
}

type WithTake = RedisClient & { takeWindowPlaces(count: number, ...args: (string | number)[]): Promise<number> };

/** 0 when a place was taken in every window; otherwise the milliseconds until one frees. */
export function takeWindowPlaces(redis: RedisClient, limits: WindowLimit[], windowMs: number): Promise<number> {
  const client = redis as WithTake;
  if (typeof client.takeWindowPlaces !== 'function') redis.defineCommand('takeWindowPlaces', { lua: TAKE });
  return client.takeWindowPlaces(limits.length, ...limits.map((l) => l.key), ...limits.map((l) => l.max), windowMs);
}
