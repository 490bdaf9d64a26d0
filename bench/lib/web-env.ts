import { randomBytes } from 'node:crypto';
import { BENCH_REDIS_PREFIX } from './redis';

/**
 * The environment of a benchmark's web process (startWeb): its own database, migrated by the benchmark beforehand,
 * its own Redis prefix and upload folder, warnings only. `extra` adds to it or overrides it.
 */
export function benchWebEnv(databaseUrl: string, uploadDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
    REDIS_PREFIX: BENCH_REDIS_PREFIX,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    UPLOAD_DIR: uploadDir,
    ...extra,
  };
}
