import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PreparedRead } from '../database/prepared-read';
import { UserSummaryColumns, type UserSummary } from './user-summary';

/**
 * The users feature's hand-written SQL: the one-statement read of a user with their status, on the requests that
 * show a user other than the caller (the caller's comes with their session or token). The web sessions a change
 * ends are `UserSessions`'.
 */
@Injectable()
export class UserRecords {
  private readonly summaries: UserSummaryColumns;
  private readonly summaryRead: PreparedRead<Record<string, unknown>>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.summaries = new UserSummaryColumns(dataSource);
    this.summaryRead = PreparedRead.on(dataSource, 'user_summary', `SELECT ${this.summaries.select('u')} FROM users u WHERE u.id = $1`);
  }

  /** The user (without the password hash) and their status; null when there is none. In `manager`'s transaction when given. */
  async summary(id: string, manager?: EntityManager): Promise<UserSummary | null> {
    const [row] = await this.summaryRead.rows([id], manager);
    return row ? this.summaries.from(row) : null;
  }
}
