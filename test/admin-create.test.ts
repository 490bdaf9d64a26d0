import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { AdminCommandModule, CommandError, createAdminCommand } from '../src/users/create-admin.command';
import { User } from '../src/users/user.entity';
import { startWebApp, type TestApp } from './support/app';
import { createTrainee } from './support/factories';
import { csrfFrom } from './support/http';

/** `npm run admin:create -- --email … --name …`: the first administrator of a fresh installation. */
describe('creating an administrator from the command line', () => {
  let command: INestApplicationContext;
  let web: TestApp;

  beforeAll(async () => {
    command = await NestFactory.createApplicationContext(AdminCommandModule, { logger: false });
    web = await startWebApp();
  });
  afterAll(async () => {
    await command?.close();
    await web?.close();
  });

  const run = (...argv: string[]) => createAdminCommand(command, argv);
  const refusal = (...argv: string[]) =>
    run(...argv).then(
      () => 'created',
      (error: unknown) => (error instanceof CommandError ? error.message : Promise.reject(error)),
    );

  it('creates an administrator and prints a one-time link that sets the password and logs them in', async () => {
    const email = `first-admin-${randomUUID().slice(0, 8)}@kursors.test`;
    const output = await run('--email', email.toUpperCase(), '--name', 'Ilze Pirmā');
    expect(output).toContain(`Administrator created: Ilze Pirmā <${email}>`);
    const link = /http:\/\/kursors\.test\/password\/[A-Za-z0-9_-]+/.exec(output)?.[0];
    expect(link).toBeDefined();

    const user = await web.dataSource.getRepository(User).findOneByOrFail({ email });
    expect([user.roles, user.language]).toEqual([['admin'], 'lv']);
    expect(await web.dataSource.getRepository(AuditEvent).countBy({ action: 'user.created', entityId: user.id, actorId: IsNull() })).toBe(
      1,
    );

    const agent = web.agent();
    const path = new URL(link!).pathname;
    const form = await agent.get(path);
    expect(form.status).toBe(200);
    const saved = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), password: 'Daugavpils pavasaris 2027', passwordConfirm: 'Daugavpils pavasaris 2027' });
    expect(saved.status).toBe(303);
    expect((await agent.get('/admin/users')).status).toBe(200);
    expect((await web.agent().get(path)).status).toBe(410);
  });

  it('takes the language of the invitation email', async () => {
    const email = `admin-en-${randomUUID().slice(0, 8)}@kursors.test`;
    await run('--email', email, '--name', 'Anna Admin', '--language', 'en');
    expect((await web.dataSource.getRepository(User).findOneByOrFail({ email })).language).toBe('en');
  });

  it('refuses a bad email, a missing name or an unknown option, saying which and why, and creates no one', async () => {
    const users = web.dataSource.getRepository(User);
    const before = await users.count();
    expect(await refusal('--email', 'ilze.kursors.lv', '--name', 'Ilze')).toMatch(/^--email: Enter a valid email address/);
    expect(await refusal('--email', 'ilze@kursors.test')).toMatch(/^--name: This field is required\./);
    expect(await refusal('--email', 'ilze@kursors.test', '--name', 'Ilze', '--role', 'trainee')).toMatch(/Unknown option '--role'/);
    expect(await refusal('--email', 'ilze@kursors.test', '--name', 'Ilze', '--language', 'de')).toMatch(/^--language: /);
    expect(await refusal()).toContain('Usage: npm run admin:create -- --email');
    expect(await users.count()).toBe(before);
  });

  it('refuses an email that already has an account, and leaves that account as it was', async () => {
    const existing = await createTrainee(web.dataSource);
    expect(await refusal('--email', existing.email, '--name', 'Kāds Cits')).toBe(
      `--email ${existing.email}: A user with this email already exists.`,
    );
    const after = await web.dataSource.getRepository(User).findOneByOrFail({ id: existing.id });
    expect([after.roles, after.name]).toEqual([['trainee'], existing.name]);
  });
});
