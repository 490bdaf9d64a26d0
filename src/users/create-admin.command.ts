import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DomainError, ValidationFailedError } from '../common/errors';
import { email, language, requiredText } from '../common/schemas';
import { CoreModule } from '../core.module';
import { formatDateTime } from '../i18n/dates';
import { I18nService } from '../i18n/i18n.service';
import { preflight } from '../preflight';
import { parseWith } from '../common/zod-validation.pipe';
import { UsersModule } from './users.module';
import { UsersService } from './users.service';

const USAGE = 'Usage: npm run admin:create -- --email <email> --name "<full name>" [--language lv|en]';

const adminSchema = z.strictObject({ email, name: requiredText(200), language: language.default('lv') });

/** A refusal the command prints as it is, on one line per problem, and exits with 1. */
export class CommandError extends Error {}

@Module({ imports: [CoreModule, UsersModule] })
export class AdminCommandModule {}

/** Reads `--email`, `--name` and `--language`; anything else, or a bad value, is refused naming the option. */
function readOptions(argv: string[], i18n: I18nService): z.infer<typeof adminSchema> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, language: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n${USAGE}`);
  }
  try {
    return parseWith(adminSchema, values);
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const lines = error.fieldErrors.map((e) => `--${e.field}: ${i18n.t('en', `validation.${e.code}`, e.params)}`);
    throw new CommandError(`${lines.join('\n')}\n${USAGE}`);
  }
}

/**
 * Creates an administrator and answers what to print: the one-time link to set the password. A taken email
 * or a bad option is a CommandError.
 */
export async function createAdminCommand(app: INestApplicationContext, argv: string[]): Promise<string> {
  const i18n = app.get(I18nService);
  const input = readOptions(argv, i18n);
  try {
    const { user, invitation } = await app.get(UsersService).createAdministrator(input);
    return [
      `Administrator created: ${user.name} <${user.email}>`,
      `Open this link to set the password; it works once, until ${formatDateTime(invitation.expiresAt, 'en')} (Riga time):`,
      `  ${invitation.link}`,
      'The same link has been queued as an invitation email.',
    ].join('\n');
  } catch (error) {
    if (error instanceof DomainError) {
      const field = error.fieldErrors[0];
      throw new CommandError(
        field
          ? `--${field.field} ${input.email}: ${i18n.t('en', `validation.${field.code}`)}`
          : i18n.t('en', error.messageKey, error.params),
      );
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const env = await preflight({ migrate: true });
  const app = await NestFactory.createApplicationContext(AdminCommandModule, { logger: ['error'] });
  try {
    process.stdout.write(`${await createAdminCommand(app, process.argv.slice(2))}\n`);
    if (!env.SMTP_URL) process.stdout.write('SMTP_URL is not set: no email leaves this machine, so pass the link on yourself.\n');
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    process.stderr.write(`kursors: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

if (require.main === module) void main();
