import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from '../common/cookies';
import { rotateCsrfToken } from '../common/csrf';
import { existingSession } from '../common/lazy-session';
import { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ApiTokensService } from './api-tokens.service';
import { SessionStore } from './session-store';

function promisify(fn: (cb: (err?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
}

const BEARER = 'Bearer ';

export function hasBearerToken(req: Request): boolean {
  return req.get('authorization')?.startsWith(BEARER) ?? false;
}

/** Who is calling: a bearer API token, or the session cookie (with its idle and absolute timeouts). */
@Injectable()
export class SessionAuth {
  constructor(
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
    private readonly config: AppConfig,
    private readonly store: SessionStore,
  ) {}

  readonly middleware = (req: Request, _res: Response, next: NextFunction): void => {
    this.resolve(req).then(() => next(), next);
  };

  private async resolve(req: Request): Promise<void> {
    if (hasBearerToken(req)) {
      const caller = await this.apiTokens.authenticate(req.get('authorization')!.slice(BEARER.length).trim());
      if (caller) {
        req.user = caller.user;
        req.userStatus = caller.status;
        req.authMethod = 'token';
      }
      return;
    }
    const userId = existingSession(req)?.userId;
    if (!userId) return;
    const absoluteLimitMs = this.config.env.SESSION_ABSOLUTE_HOURS * 3_600_000;
    const caller = this.store.userFor(req.sessionID, userId) ?? (await this.users.getSummary(userId).catch(() => null));
    if (!caller || caller.user.disabledAt || !req.session.loginAt || Date.now() - req.session.loginAt > absoluteLimitMs) {
      await promisify((cb) => req.session.regenerate(cb));
      return;
    }
    req.user = caller.user;
    req.userStatus = caller.status;
    req.authMethod = 'session';
  }

  /** A new session id at login, so an id planted before login is worthless after it. */
  async logIn(req: Request, user: User): Promise<void> {
    const lang = req.session.lang;
    await promisify((cb) => req.session.regenerate(cb));
    req.session.userId = user.id;
    req.session.loginAt = Date.now();
    req.session.lang = lang;
    rotateCsrfToken(req);
    await promisify((cb) => req.session.save(cb));
    req.user = user;
    // They have just used their password (to log in, or to set it).
    req.userStatus = 'active';
    req.authMethod = 'session';
  }

  /** Ends the session and tells the browser to forget its cookie, so nothing of it is sent again. */
  async logOut(req: Request, res: Response): Promise<void> {
    await promisify((cb) => req.session.destroy(cb));
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies });
  }
}
