import type { DataSource } from 'typeorm';
import { RawEntity } from '../database/raw-entity';
import { User } from './user.entity';

/** Invited: no password set yet. Disabled wins over both. */
export type UserStatus = 'active' | 'invited' | 'disabled';

export interface UserSummary {
  user: User;
  status: UserStatus;
}

export const statusOf = (user: User, hasPassword: boolean): UserStatus =>
  user.disabledAt ? 'disabled' : hasPassword ? 'active' : 'invited';

/**
 * A user and their status read out of hand-written SQL: every column of the entity, and whether a password is
 * set (never the hash). Who is calling is read this way together with their session or API token, so a request
 * knows its caller's status without asking again.
 *
 *   const summaries = new UserSummaryColumns(dataSource);
 *   const rows = await dataSource.query(`SELECT ${summaries.select('u', 'u_')} FROM users u WHERE ...`);
 *   const { user, status } = summaries.from(rows[0], 'u_');
 */
export class UserSummaryColumns {
  private readonly users: RawEntity<User>;

  constructor(dataSource: DataSource) {
    this.users = new RawEntity(dataSource, User);
  }

  select(alias: string, prefix = ''): string {
    return `${this.users.select(alias, prefix)}, "${alias}"."password_hash" IS NOT NULL AS "${prefix}has_password"`;
  }

  from(row: Record<string, unknown>, prefix = ''): UserSummary {
    const user = this.users.from(row, prefix);
    return { user, status: statusOf(user, row[`${prefix}has_password`] === true) };
  }
}
