/**
 * Each Jest worker gets its own database and its own Redis key prefix, so test files running side by side
 * never see each other's rows or jobs.
 */
const worker = process.env.JEST_WORKER_ID ?? '1';
const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kursors_test');
base.pathname = `${base.pathname}_${worker}`;

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = base.toString();
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
process.env.REDIS_PREFIX = `kt${worker}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.SESSION_SECRET = 'test-secret-0123456789-0123456789-0123456789';
process.env.PUBLIC_URL = 'http://kursors.test';
delete process.env.SMTP_URL;
process.env.TZ = 'Europe/Riga';
