/**
 * Key names. A Redis Cluster runs a script or a MULTI only on keys of one hash slot, and the slot of a key with
 * `{…}` in it is that of the text between the braces (its hash tag). So:
 *
 * - every BullMQ key starts with `{REDIS_PREFIX}:bull`: every queue, worker and job scheduler uses this one
 *   prefix, and a queue's scripts always find their keys on one node;
 * - the application's own counters (rate limits) start with `{REDIS_PREFIX:app}`: the login limiter counts an
 *   account and an address in one script, and which account goes with which address is not known in advance.
 *
 * The two tags differ, so the queues and the counters may live on different masters.
 */
export function bullPrefix(redisPrefix: string): string {
  return `{${redisPrefix}}:bull`;
}

export function appKey(redisPrefix: string, name: string): string {
  return `{${redisPrefix}:app}:${name}`;
}
