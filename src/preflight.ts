import { loadBadgeKeys, loadSealIdentity } from './certificates/signing-settings';
import { Env, InvalidEnvironmentError, parseEnv } from './config/env.schema';
import { ensureDatabase, ServiceUnavailableError } from './database/ensure-database';
import { runMigrations } from './database/migrate';
import { checkRedis } from './redis/check-redis';
import { checkStorage } from './storage/check-storage';

/**
 * Before any process starts: the configuration is valid (a configured seal opens with its password, a badge key is Ed25519), PostgreSQL and Redis answer, the S3 bucket (when files
 * go there) keeps a file, the database exists and (unless switched off) its migrations are applied. Any failure
 * is one line and exit code 1.
 */
export async function preflight(options: { migrate: boolean }): Promise<Env> {
  try {
    const env = parseEnv(process.env);
    loadSealIdentity(env);
    loadBadgeKeys(env);
    await ensureDatabase(env.DATABASE_URL);
    await checkRedis(env.REDIS_URL);
    await checkStorage(env);
    if (options.migrate && env.DATABASE_MIGRATE_ON_START) await runMigrations(env);
    return env;
  } catch (error) {
    if (error instanceof InvalidEnvironmentError || error instanceof ServiceUnavailableError) {
      process.stderr.write(`kursors: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
