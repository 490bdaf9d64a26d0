#!/usr/bin/env node
/**
 * Migration drift check: applies every migration (from dist/) to a fresh scratch database, then asks TypeORM
 * what SQL would still be needed to match the entities. Any such SQL means an entity changed without a
 * migration (or a migration was edited): it is printed and the exit code is 1.
 *
 * Usage: npm run db:check   (builds first). The scratch database lives on the server of DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/...) and is dropped afterwards.
 */
require('reflect-metadata');
const { Client } = require('pg');
const { DataSource } = require('typeorm');

const dist = require('node:path').join(__dirname, '..', 'dist');
const { dataSourceOptions } = require(`${dist}/database/data-source-options`);

const serverUrl = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
const scratchName = `kursors_drift_${process.pid}`;

function urlFor(database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql) {
  const client = new Client({ connectionString: urlFor('postgres'), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function pendingSchemaChanges() {
  const dataSource = new DataSource({ ...dataSourceOptions({ DATABASE_URL: urlFor(scratchName) }), logging: false });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(`Applied ${applied.length} migration(s) to ${scratchName}\n`);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => (query.parameters?.length ? `${query.query} -- ${JSON.stringify(query.parameters)}` : query.query));
  } finally {
    await dataSource.destroy();
  }
}

async function main() {
  try {
    await admin(`CREATE DATABASE "${scratchName}" ENCODING 'UTF8' TEMPLATE template0`);
  } catch (error) {
    process.stderr.write(`check-migrations: cannot create a scratch database on ${serverUrl.host}: ${error.message}\n`);
    return 1;
  }
  try {
    const drift = await pendingSchemaChanges();
    if (!drift.length) {
      process.stdout.write('Migrations match the entities: no schema drift.\n');
      return 0;
    }
    process.stderr.write(
      `Schema drift: the entities need ${drift.length} statement(s) that no migration applies.\n` +
        'Generate a migration (npm run db:generate -- src/database/migrations/<WhatChanged>), review it and commit it.\n\n',
    );
    for (const statement of drift) process.stderr.write(`${statement};\n`);
    return 1;
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`).catch((error) =>
      process.stderr.write(`check-migrations: could not drop ${scratchName}: ${error.message}\n`),
    );
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`check-migrations: ${error.stack || error.message}\n`);
    process.exit(1);
  },
);
