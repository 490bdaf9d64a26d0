import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** Runs `npm run db:migrate`'s entry point from the sources, as a separate process. */
function dbMigrate(databaseUrl: string) {
  const result = spawnSync(process.execPath, ['-r', './test/support/swc-register.js', 'src/migrate.ts'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 60000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

describe('npm run db:migrate', () => {
  it('runs the migrate entry point', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts['db:migrate']).toBe('node dist/migrate.js');
  });

  it('creates the database when it does not exist, then applies the migrations', async () => {
    const name = `kursors_fresh_${process.pid}`;
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    await dropDatabase(name);
    try {
      const first = dbMigrate(url.toString());
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(/^Applied: Foundation\d+, /);
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
      await client.end();
      expect(rows[0].n).toBeGreaterThan(1);
      expect(dbMigrate(url.toString())).toMatchObject({ code: 0, stdout: 'No pending migrations\n' });
    } finally {
      await dropDatabase(name);
    }
  });

  it('says in one line what went wrong, with no stack trace', () => {
    const result = dbMigrate('postgres://postgres@127.0.0.1:1/kursors');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kursors: migrations not applied: PostgreSQL is not reachable at 127\.0\.0\.1:1 [^\n]*\n$/);
  });
});
