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

/**
 * Whom an access check is about: an `Actor`, or a signed-in user's id and roles (callers not yet moved to an
 * actor pass the `User` itself).
 */
export type AccessSubject = Actor | { readonly id: string; readonly roles: readonly Role[] };

/** The person's id; null for the system. */
export function subjectId(subject: AccessSubject): string | null {
  return 'kind' in subject ? subject.userId : subject.id;
}

export function subjectHasRole(subject: AccessSubject, ...roles: Role[]): boolean {
  return roles.some((role) => subject.roles.includes(role));
}

/**
 * The same caller, known now as a person: someone not signed in who proves who they are with a password, a
 * password link or an unsubscribe link.
 */
export function actingAs(actor: Actor, userId: string): Actor {
  return { ...actor, kind: 'user', userId };
}

/** A person acting outside any request (a command, a test): their id, roles and language, no address. */
export function personActor(user: { readonly id: string; readonly roles: readonly Role[]; readonly language: Language }): Actor {
  return { kind: 'user', userId: user.id, roles: user.roles, language: user.language, ip: null, requestId: null };
}

/**
 * The same person in one of their roles only (no role when they do not hold it): a page that shows each role's
 * part reads that part through the features' own access rules as someone holding that role alone, so an
 * administrator who also teaches sees their own cohorts in the teaching part, not every cohort.
 */
export function actorInRole(actor: Actor, role: Role): Actor {
  return { ...actor, roles: actor.roles.includes(role) ? [role] : [] };
}
