import { ensureDatabase } from '../../src/database/ensure-database';
import { runMigrations } from '../../src/database/migrate';

beforeAll(async () => {
  await ensureDatabase(process.env.DATABASE_URL!);
  await runMigrations({ DATABASE_URL: process.env.DATABASE_URL! });
});
