import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { EmailCategory } from './outbox-message.entity';

export interface UnsubscribeClaim {
  userId: string;
  category: Exclude<EmailCategory, 'account'>;
}

/** Signed, stateless tokens for one-click unsubscribe links (RFC 8058). */
@Injectable()
export class UnsubscribeTokens {
  constructor(private readonly config: AppConfig) {}

  sign(userId: string, category: EmailCategory): string {
    const payload = Buffer.from(`${userId}:${category}`).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  verify(token: string): UnsubscribeClaim | null {
    const [payload, mac] = token.split('.');
    if (!payload || !mac) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const [userId, category] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
    if (!userId || (category !== 'reminder' && category !== 'update')) return null;
    return { userId, category };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.config.env.SESSION_SECRET).update(`unsubscribe:${payload}`).digest('base64url');
  }
}
