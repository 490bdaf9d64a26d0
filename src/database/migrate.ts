import { DataSource } from 'typeorm';
import { Env } from '../config/env.schema';
import { dataSourceOptions } from './data-source-options';

/** Applies pending migrations; several processes starting at once are serialised by an advisory lock. */
export async function runMigrations(env: Pick<Env, 'DATABASE_URL'>): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(env), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock(7331001)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock(7331001)').catch(() => undefined);
    await dataSource.destroy();
  }
}
