import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/**
 * The secret part of a calendar feed URL, derived without storing anything: HMAC(SESSION_SECRET, user id and
 * feed version). Renewing the link raises the version, so the old URL stops working at once.
 */
@Injectable()
export class CalendarTokens {
  constructor(private readonly config: AppConfig) {}

  token(userId: string, version: number): string {
    return createHmac('sha256', this.config.env.SESSION_SECRET)
      .update(`calendar-feed:${userId}:${version}`)
      .digest('base64url')
      .slice(0, 32);
  }

  verify(userId: string, version: number, given: string): boolean {
    const expected = Buffer.from(this.token(userId, version));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
