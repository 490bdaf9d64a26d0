import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { Env } from '../config/env.schema';
import { entities } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The size of the main pool when none is set (the CLI, tools). */
const DEFAULT_POOL_SIZE = 20;

export function dataSourceOptions(
  env: Pick<Env, 'DATABASE_URL'> & Partial<Pick<Env, 'DATABASE_POOL_SIZE'>>,
  applicationName = 'kursors',
): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    entities,
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    extra: { max: env.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE, application_name: applicationName },
  };
}
