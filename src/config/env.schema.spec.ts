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

  it('keeps files locally unless told otherwise, and asks nothing of S3 then', () => {
    const env = parseEnv({ S3_BUCKET: '' });
    expect(env.STORAGE_DRIVER).toBe('local');
    expect(env.S3_BUCKET).toBeUndefined();
  });

  it('takes the S3 settings for the s3 driver, path style as a yes or no', () => {
    const env = parseEnv({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_REGION: 'eu-north-1',
      S3_BUCKET: 'kursors-files',
      S3_ACCESS_KEY_ID: 'kursors',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(env).toMatchObject({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'kursors-files',
      S3_FORCE_PATH_STYLE: true,
    });
    expect(parseEnv({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' })).toMatchObject({
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
    });
    expect(
      parseEnv({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }).S3_ENDPOINT,
    ).toBeUndefined();
  });

  it('names each S3 setting the s3 driver is missing, and each one that is malformed', () => {
    expect(() => parseEnv({ STORAGE_DRIVER: 's3', S3_ACCESS_KEY_ID: 'k' })).toThrow(
      'Invalid configuration: S3_BUCKET: must be set when STORAGE_DRIVER is s3; S3_SECRET_ACCESS_KEY: must be set when STORAGE_DRIVER is s3',
    );
    const message = (() => {
      try {
        parseEnv({ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'My_Bucket', S3_FORCE_PATH_STYLE: 'maybe' });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('S3_ENDPOINT: must be a URL starting with http:// or https://');
    expect(message).toContain('S3_BUCKET: must be a bucket name');
    expect(message).toContain('S3_FORCE_PATH_STYLE');
    expect(() => parseEnv({ STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER/);
  });
});
