"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.preflight = preflight;
const env_schema_1 = require("./config/env.schema");
const ensure_database_1 = require("./database/ensure-database");
const migrate_1 = require("./database/migrate");
const check_redis_1 = require("./redis/check-redis");
/**
 * Before any process starts: the configuration is valid, PostgreSQL and Redis answer, the database
 * exists and (unless switched off) its migrations are applied. Any failure is one line and exit code 1.
 */
async function preflight(options) {
    try {
        const env = (0, env_schema_1.parseEnv)(process.env);
        await (0, ensure_database_1.ensureDatabase)(env.DATABASE_URL);
        await (0, check_redis_1.checkRedis)(env.REDIS_URL);
        if (options.migrate && env.DATABASE_MIGRATE_ON_START)
            await (0, migrate_1.runMigrations)(env);
        return env;
    }
    catch (error) {
        if (error instanceof env_schema_1.InvalidEnvironmentError || error instanceof ensure_database_1.ServiceUnavailableError) {
            process.stderr.write(`kursors: ${error.message}\n`);
            process.exit(1);
        }
        throw error;
    }
}
