import { AppConfig } from '../config/app-config';
import { parseEnv } from '../config/env.schema';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const tokensWith = (secret: string) => new UnsubscribeTokens(new AppConfig(parseEnv({ SESSION_SECRET: secret })));
const tokens = tokensWith('unit-test-secret-0123456789-0123456789');
const userId = '3f2c1a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f';

describe('UnsubscribeTokens', () => {
  it('reads back the user and category it signed', () => {
    expect(tokens.verify(tokens.sign(userId, 'reminder'))).toEqual({ userId, category: 'reminder' });
    expect(tokens.verify(tokens.sign(userId, 'update'))).toEqual({ userId, category: 'update' });
  });

  it('makes tokens that fit in a URL path segment', () => {
    expect(tokens.sign(userId, 'reminder')).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('refuses a token whose payload was changed', () => {
    const [, mac] = tokens.sign(userId, 'reminder').split('.');
    const forged = Buffer.from(`${userId}:update`).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`)).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    expect(tokens.verify(tokensWith('another-secret-0123456789-0123456789').sign(userId, 'reminder'))).toBeNull();
  });

  it('never lets account emails be switched off', () => {
    expect(tokens.verify(tokens.sign(userId, 'account'))).toBeNull();
  });

  it.each(['', '.', 'abc', 'abc.', '.abc', 'a.b.c', 'not a token at all'])('refuses the malformed token %p', (token) => {
    expect(tokens.verify(token)).toBeNull();
  });
});
