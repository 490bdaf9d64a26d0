"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkRedis = checkRedis;
const ioredis_1 = require("ioredis");
const ensure_database_1 = require("../database/ensure-database");
/** Fails with one clear line when Redis does not answer. */
async function checkRedis(url) {
    const target = new URL(url);
    const client = new ioredis_1.Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
        await client.connect();
        await client.ping();
    }
    catch (error) {
        throw new ensure_database_1.ServiceUnavailableError(`Redis is not reachable at ${target.hostname}:${target.port || '6379'} (${error.message}). ` +
            'Start it (for example `docker compose up -d redis`, or `redis-server --daemonize yes`) or set REDIS_URL.');
    }
    finally {
        client.disconnect();
    }
}
