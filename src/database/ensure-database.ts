import { Client } from 'pg';

export class ServiceUnavailableError extends Error {}

function describe(url: URL): string {
  return `${url.hostname}:${url.port || '5432'}`;
}

/**
 * Checks that PostgreSQL answers and creates the application database when it is missing,
 * so a fresh machine needs no manual createdb.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ServiceUnavailableError(
      `PostgreSQL is not reachable at ${describe(target)} (${(error as Error).message}). ` +
        'Start it (for example `docker compose up -d postgres`, or `pg_ctlcluster 15 main start`) or set DATABASE_URL.',
    );
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client
        .query(`CREATE DATABASE "${name.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42P04') throw error;
        });
    }
  } finally {
    await client.end();
  }
}
