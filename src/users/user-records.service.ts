import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreparedRead } from '../database/prepared-read';
import { RawEntity } from '../database/raw-entity';
import { User } from './user.entity';

/**
 * The users feature's hand-written SQL: the one-statement read of a user with whether a password is set, on most
 * requests that show a user (GET /api/v1/me among them). The web sessions a change ends are `UserSessions`'.
 */
@Injectable()
export class UserRecords {
  private readonly userColumns: RawEntity<User>;
  private readonly summaryRead: PreparedRead<Record<string, unknown> & { has_password: boolean }>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.userColumns = new RawEntity(dataSource, User);
    this.summaryRead = PreparedRead.on(
      dataSource,
      'user_summary',
      `SELECT ${this.userColumns.select('u')}, u.password_hash IS NOT NULL AS has_password FROM users u WHERE u.id = $1`,
    );
  }

  /** The user (without the password hash) and whether a password is set; null when there is none. */
  async summary(id: string): Promise<{ user: User; hasPassword: boolean } | null> {
    const [row] = await this.summaryRead.rows([id]);
    return row ? { user: this.userColumns.from(row), hasPassword: row.has_password } : null;
  }
}
