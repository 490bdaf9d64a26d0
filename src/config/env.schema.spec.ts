import { parseEnv } from './env.schema';

describe('configuration', () => {
  it('has defaults that fit local services', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/kursors');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.TZ).toBe('Europe/Riga');
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
    expect(env.SMTP_URL).toBeUndefined();
  });

  it('derives the public URL from the port when it is not set', () => {
    expect(parseEnv({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
  });

  it('names every bad variable in one message', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope', SESSION_SECRET: 'short' })).toThrow(
      /PORT.*DATABASE_URL.*REDIS_URL.*SESSION_SECRET|PORT/,
    );
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope', SESSION_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET']) expect(message).toContain(name);
    }
  });

  it('refuses to run in production with the development session secret', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
  });

  it('treats an empty SMTP_URL as not set', () => {
    expect(parseEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });
});
