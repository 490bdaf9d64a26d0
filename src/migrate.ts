import 'reflect-metadata';
import { parseEnv } from './config/env.schema';
import { ensureDatabase } from './database/ensure-database';
import { runMigrations } from './database/migrate';

/**
 * `npm run db:migrate`: creates the database when it is missing and applies pending migrations.
 * Whatever goes wrong is said in one line, with exit code 1.
 */
export async function migrateCommand(source: NodeJS.ProcessEnv): Promise<number> {
  try {
    const env = parseEnv(source);
    await ensureDatabase(env.DATABASE_URL);
    const applied = await runMigrations(env);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations\n');
    return 0;
  } catch (error) {
    const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
    process.stderr.write(`kursors: migrations not applied: ${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void migrateCommand(process.env).then((code) => process.exit(code));
}
