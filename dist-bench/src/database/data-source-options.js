"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataSourceOptions = dataSourceOptions;
const node_path_1 = require("node:path");
const entities_1 = require("./entities");
const snake_naming_strategy_1 = require("./snake-naming.strategy");
function dataSourceOptions(env) {
    return {
        type: 'postgres',
        url: env.DATABASE_URL,
        entities: entities_1.entities,
        migrations: [(0, node_path_1.join)(__dirname, 'migrations', '*.{ts,js}')],
        migrationsTableName: 'migrations',
        migrationsTransactionMode: 'each',
        namingStrategy: new snake_naming_strategy_1.SnakeNamingStrategy(),
        uuidExtension: 'pgcrypto',
        synchronize: false,
        migrationsRun: false,
        extra: { max: 20, application_name: 'kursors' },
    };
}
