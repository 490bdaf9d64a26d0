import type { Check } from './health.service';

/** The answers of the health routes (health.responses.ts): alive, and ready when every service answers. */
export function livenessJson() {
  return { status: 'ok' as const };
}

export function readinessJson(checks: { database: Check; redis: Check }) {
  const ok = Object.values(checks).every((c) => c.status === 'up');
  return { status: ok ? ('ok' as const) : ('error' as const), checks };
}
