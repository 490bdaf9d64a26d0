import type { Actor } from '../common/actor';
import { User } from './user.entity';

/**
 * The actor as a `User` holding only its id, roles and language, for services that still take a `User` where
 * they read nothing else (access checks). Goes once those take an `Actor`.
 */
export function actingUser(actor: Actor): User {
  return Object.assign(new User(), { id: actor.userId, roles: [...actor.roles], language: actor.language });
}
