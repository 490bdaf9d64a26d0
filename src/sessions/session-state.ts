import type { Session } from './session.entity';

/** What a session is to people: planned until it ends, then held; cancelled whenever it was called off. */
export type SessionState = 'planned' | 'held' | 'cancelled';

/** Derived when read, never stored, so it cannot go stale: the end time and the stored status decide. */
export function sessionState(session: Pick<Session, 'status' | 'endsAt'>, now: Date): SessionState {
  if (session.status === 'cancelled') return 'cancelled';
  return session.endsAt.getTime() <= now.getTime() ? 'held' : 'planned';
}
