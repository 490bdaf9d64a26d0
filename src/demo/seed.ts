import 'reflect-metadata';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { CertificatesModule } from '../certificates/certificates.module';
import { CoreModule } from '../core.module';
import { unitOfWork } from '../database/unit-of-work';
import { preflight } from '../preflight';
import { User } from '../users/user.entity';
import { seedDemoCertificates } from './demo-certificates';
import { seedDemoCompletion } from './demo-completion';
import { seedDemoCoursework } from './demo-coursework';
import { seedDemoExam } from './demo-exam';
import { seedDemoProgramme } from './demo-programme';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

/** What loading the demo uses beside the database: the platform's own certificate issue, with its storage and outbox. */
@Module({ imports: [CoreModule, CertificatesModule] })
export class DemoSeedModule {}

/**
 * Loads the demo data into the application `app` (the seed command's own, or a running one in tests); running it
 * again changes nothing.
 */
export async function seedDemo(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const hash = await hashPassword(DEMO_PASSWORD);
  await unitOfWork(dataSource, async (manager) => {
    for (const demo of DEMO_USERS) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ ...demo, passwordHash: hash })
        .orIgnore()
        .execute();
    }
    await seedDemoProgramme(manager, hash);
    await seedDemoCoursework(manager);
    await seedDemoExam(manager);
    await seedDemoCompletion(manager);
  });
  await seedDemoCertificates(app);
}

/** The lines the quick start shows: where to go and who to log in as. */
export function demoLogins(publicUrl: string): string {
  const lines = [`Open ${publicUrl}/login and log in as one of the demo users (password: ${DEMO_PASSWORD}):`];
  for (const user of DEMO_USERS) lines.push(`  ${user.roles.join(', ').padEnd(12)} ${user.email.padEnd(26)} ${user.name}`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  // Same checks as the web and worker: one clear line when PostgreSQL or Redis is missing, migrations applied.
  const env = await preflight({ migrate: true });
  const app = await NestFactory.createApplicationContext(DemoSeedModule, { logger: ['error'] });
  try {
    await seedDemo(app);
  } finally {
    await app.close();
  }
  process.stdout.write(`Demo data loaded.\n${demoLogins(env.PUBLIC_URL)}`);
}

if (require.main === module) void main();
