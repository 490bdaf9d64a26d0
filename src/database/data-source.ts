import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseEnv } from '../config/env.schema';
import { dataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI (migration:generate, migration:run) on the compiled code. */
export default new DataSource(dataSourceOptions(parseEnv(process.env)));
