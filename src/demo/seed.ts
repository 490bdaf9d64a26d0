import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { parseEnv } from '../config/env.schema';
import { dataSourceOptions } from '../database/data-source-options';
import { User } from '../users/user.entity';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

/** Loads the demo data; running it again changes nothing. */
export async function seedDemo(dataSource: DataSource): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    for (const demo of DEMO_USERS) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ ...demo, passwordHash: hash })
        .orIgnore()
        .execute();
    }
  });
}

async function main(): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(parseEnv(process.env)));
  await dataSource.initialize();
  try {
    await seedDemo(dataSource);
  } finally {
    await dataSource.destroy();
  }
  process.stdout.write('Demo data loaded. Logins (password ' + DEMO_PASSWORD + '):\n');
  for (const user of DEMO_USERS) process.stdout.write(`  ${user.roles.join(', ').padEnd(12)} ${user.email}\n`);
}

if (require.main === module) void main();
