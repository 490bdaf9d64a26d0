"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.freshDatabase = freshDatabase;
exports.committedTransactions = committedTransactions;
const pg_1 = require("pg");
/** A fresh database for a benchmark run, dropped and made again each time. */
async function freshDatabase(name, base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') {
    const admin = new pg_1.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
}
/**
 * Statements run in a database, from PostgreSQL's own counters: every statement outside an explicit
 * transaction commits one, so the delta over N requests divided by N is the queries per request.
 */
async function committedTransactions(databaseUrl) {
    const client = new pg_1.Client({ connectionString: databaseUrl });
    await client.connect();
    // Counters reach pg_stat_database when backends report; give them a moment and force our own view fresh.
    await new Promise((r) => setTimeout(r, 1200));
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
    await client.end();
    return Number(rows[0].n);
}
