"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runMigrations = runMigrations;
const typeorm_1 = require("typeorm");
const data_source_options_1 = require("./data-source-options");
/** Applies pending migrations; several processes starting at once are serialised by an advisory lock. */
async function runMigrations(env) {
    const dataSource = new typeorm_1.DataSource({ ...(0, data_source_options_1.dataSourceOptions)(env), logging: false });
    await dataSource.initialize();
    try {
        await dataSource.query('SELECT pg_advisory_lock(7331001)');
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        return applied.map((m) => m.name);
    }
    finally {
        await dataSource.query('SELECT pg_advisory_unlock(7331001)').catch(() => undefined);
        await dataSource.destroy();
    }
}
