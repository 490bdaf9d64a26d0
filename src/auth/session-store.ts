import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Store, type SessionData } from 'express-session';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PreparedRead } from '../database/prepared-read';
import { UserSummaryColumns, type UserSummary } from '../users/user-summary';

/** An expiry is pushed forward at most this often: a request within it leaves the row alone. */
export const SESSION_TOUCH_EVERY_MS = 60_000;
/** How often this process forgets the expiries it holds of sessions that have lapsed (the rows go in the worker). */
const FORGET_EVERY_MS = 15 * 60_000;

type Callback<T = void> = (err?: unknown, value?: T) => void;

interface Loaded {
  /** The expiry the row had when last read or written here. */
  expireMs: number;
  /** The row of the session's user and their status, read in the same statement as the session. */
  userRow: Record<string, unknown> | null;
}

interface SessionRow extends Record<string, unknown> {
  sess: SessionData;
  expire: Date;
}

/**
 * The live session $1 (not expired at $2) with `userColumns` of its user (alias `u`). Exported for the schedule
 * benchmark's same-page reference server.
 */
export function sessionWithUserSql(userColumns: string): string {
  return `SELECT s.sess, s.expire, ${userColumns}
            FROM user_sessions s LEFT JOIN users u ON u.id = (s.sess->>'userId')::uuid
           WHERE s.sid = $1 AND s.expire >= $2`;
}

/**
 * express-session's store, in the `user_sessions` table, shared by every web process.
 *
 * Every signed-in page request reads its session, and the signed-in user with it in the same statement
 * (`userFor`), so who is calling costs one round trip to PostgreSQL. The idle expiry is written at most once a
 * minute per session rather than on every request, so a session ends up to a minute before its idle limit is
 * fully up.
 */
@Injectable()
export class SessionStore extends Store implements OnApplicationShutdown {
  private readonly pool: Pool;
  private readonly users: UserSummaryColumns;
  private readonly read: PreparedRead<SessionRow>;
  private readonly loaded = new Map<string, Loaded>();
  private readonly logger = new Logger(SessionStore.name);
  private readonly forgetTimer: NodeJS.Timeout;

  constructor(config: AppConfig, @InjectDataSource() dataSource: DataSource) {
    super();
    this.pool = new Pool({
      connectionString: config.env.DATABASE_URL,
      max: Math.max(2, Math.ceil(config.env.DATABASE_POOL_SIZE / 2)),
      application_name: 'kursors-sessions',
    });
    // An idle connection dropped by a PostgreSQL restart must not end the process; the next query reconnects.
    this.pool.on('error', (err) => this.logger.warn({ err }, 'Session store connection lost'));
    this.users = new UserSummaryColumns(dataSource);
    this.read = PreparedRead.onPool<SessionRow>(this.pool, 'session_with_user', sessionWithUserSql(this.users.select('u', 'u_')));
    this.forgetTimer = setInterval(() => this.forgetLapsed(), FORGET_EVERY_MS).unref();
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    this.read.rows([sid, new Date()]).then(([row]) => {
      if (!row) {
        this.loaded.delete(sid);
        return callback(null, null);
      }
      this.loaded.set(sid, { expireMs: row.expire.getTime(), userRow: row.u_id ? row : null });
      callback(null, row.sess);
    }, callback);
  }

  override set(sid: string, sess: SessionData, callback?: Callback): void {
    const expire = expiryOf(sess);
    this.pool
      .query(
        `INSERT INTO user_sessions (sid, sess, expire) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET sess = EXCLUDED.sess, expire = EXCLUDED.expire`,
        [sid, sess, expire],
      )
      .then(
        () => {
          const known = this.loaded.get(sid);
          if (known) known.expireMs = expire.getTime();
          callback?.();
        },
        (error: unknown) => callback?.(error),
      );
  }

  override touch(sid: string, sess: SessionData, callback?: Callback): void {
    const expire = expiryOf(sess);
    const known = this.loaded.get(sid);
    if (known && expire.getTime() - known.expireMs < SESSION_TOUCH_EVERY_MS) return callback?.();
    this.pool.query(`UPDATE user_sessions SET expire = $2 WHERE sid = $1`, [sid, expire]).then(
      () => {
        if (known) known.expireMs = expire.getTime();
        callback?.();
      },
      (error: unknown) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: Callback): void {
    this.loaded.delete(sid);
    this.pool.query(`DELETE FROM user_sessions WHERE sid = $1`, [sid]).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  /**
   * The user of a session this process has just read and their status, as the read found them (disabled or
   * not), or undefined when it holds no fresh reading. Every `get` replaces the reading, so a request never sees
   * an older one than its own session read.
   */
  userFor(sid: string, userId: string): UserSummary | undefined {
    const row = this.loaded.get(sid)?.userRow;
    return row && row.u_id === userId ? this.users.from(row, 'u_') : undefined;
  }

  /**
   * Memory only: what this process read is a cache it may drop at any time (a missing entry costs one more
   * write). Expired rows are deleted once for all processes by the worker's session-prune job.
   */
  private forgetLapsed(): void {
    const now = Date.now();
    for (const [sid, known] of this.loaded) if (known.expireMs < now) this.loaded.delete(sid);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.forgetTimer);
    await this.pool.end().catch(() => undefined);
  }
}

/** When a session lapses: its cookie's expiry (rolled forward on each request). */
function expiryOf(sess: SessionData): Date {
  const expires = sess.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + 24 * 3_600_000);
}
