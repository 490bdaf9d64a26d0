import type { Actor } from '../../src/common/actor';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiToken } from '../../src/auth/api-token.entity';
import { API_TOKEN_PREFIX } from '../../src/auth/api-tokens.service';
import { hashPassword } from '../../src/auth/passwords';
import { newSecret, sha256 } from '../../src/auth/secrets';
import type { Role } from '../../src/common/roles';
import type { Language } from '../../src/i18n/languages';
import { User } from '../../src/users/user.entity';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface UserOptions {
  roles?: Role[];
  name?: string;
  email?: string;
  language?: Language;
  password?: string | null;
  disabled?: boolean;
  department?: string | null;
}

/** A user with the test password (or none, like a freshly invited user). */
export async function createUser(dataSource: DataSource, options: UserOptions = {}): Promise<User> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID().slice(0, 8);
  const repo = dataSource.getRepository(User);
  const user = await repo.save(
    repo.create({
      email: options.email ?? `user-${id}@kursors.test`,
      name: options.name ?? `Testa Lietotājs ${id}`,
      roles: options.roles ?? ['trainee'],
      language: options.language ?? 'lv',
      department: options.department ?? null,
      passwordHash: options.password === null ? null : options.password ? await hashPassword(options.password) : await passwordHash,
      disabledAt: options.disabled ? new Date() : null,
    }),
  );
  return user;
}

export const createTrainee = (ds: DataSource, o: UserOptions = {}) => createUser(ds, { ...o, roles: ['trainee'] });
export const createInstructor = (ds: DataSource, o: UserOptions = {}) => createUser(ds, { ...o, roles: ['instructor'] });
export const createAdmin = (ds: DataSource, o: UserOptions = {}) => createUser(ds, { ...o, roles: ['admin'] });

/** An API token of the user, stored as the app stores it (hashed); returns the secret to send as Bearer. */
export async function createApiToken(
  dataSource: DataSource,
  owner: User,
  name = 'Testa atslēga',
): Promise<{ token: ApiToken; secret: string }> {
  const secret = newSecret(API_TOKEN_PREFIX);
  const repo = dataSource.getRepository(ApiToken);
  const token = await repo.save(
    repo.create({ userId: owner.id, name, prefix: secret.slice(0, 10), tokenHash: sha256(secret), createdById: null }),
  );
  return { token, secret };
}

/** The user as services see them when they act from a page or the API. */
export function actorOf(user: Pick<User, 'id' | 'roles' | 'language'>): Actor {
  return { kind: 'user', userId: user.id, roles: user.roles, language: user.language, ip: '127.0.0.1', requestId: null };
}
