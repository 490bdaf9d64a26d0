import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type * as Passwords from '../../src/auth/passwords';
import type * as Secrets from '../../src/auth/secrets';
import { fromDist } from '../lib/built-app';

export interface LoadedCaller {
  email: string;
  password: string;
  apiToken: string;
}

const PASSWORD = 'Pieprasijumu-cena-2026';

/** One trainee with a password and a personal API token: all a signed-in request needs. */
export async function loadCaller(databaseUrl: string): Promise<LoadedCaller> {
  const { hashPassword } = fromDist<typeof Passwords>('auth/passwords');
  const { sha256 } = fromDist<typeof Secrets>('auth/secrets');
  const apiToken = `kst_${randomBytes(32).toString('base64url')}`;
  const email = 'pieprasitajs@bench.kursors.test';
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const {
      rows: [user],
    } = await client.query<{ id: string }>(
      `INSERT INTO users (email, name, roles, language, password_hash) VALUES ($1, 'Pieprasītājs', '{trainee}'::varchar[], 'lv', $2) RETURNING id`,
      [email, await hashPassword(PASSWORD)],
    );
    await client.query(`INSERT INTO api_tokens (user_id, name, prefix, token_hash) VALUES ($1, 'Benchmark', $2, $3)`, [
      user.id,
      apiToken.slice(0, 10),
      sha256(apiToken),
    ]);
    await client.query('COMMIT');
    return { email, password: PASSWORD, apiToken };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
