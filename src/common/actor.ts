import type { Language } from '../i18n/languages';
import type { Role } from './roles';

/**
 * Who is doing something, as services see it: a signed-in person (from a page or the API) or the platform itself
 * (a background job). Services take this instead of the HTTP request, so a job can call any of them; the audit
 * log reads its address and request id from here.
 */
export interface Actor {
  readonly kind: 'user' | 'system';
  /** The person's id; null for the system. */
  readonly userId: string | null;
  readonly roles: readonly Role[];
  readonly language: Language;
  /** The client's address, plain IPv4 where it is one; null for the system. */
  readonly ip: string | null;
  /** The request id, or the job's id, that the logs carry. */
  readonly requestId: string | null;
}

/** The platform acting on its own in a background job: every role, no person, no address. */
export function systemActor(jobId: string | null = null, language: Language = 'lv'): Actor {
  return { kind: 'system', userId: null, roles: ['admin', 'instructor', 'trainee'], language, ip: null, requestId: jobId };
}

export function actorHasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
