import { z } from 'zod';
import { pageOf } from '../common/api-docs';
import { language, role } from '../common/schemas';

/** What the API shows of a user (built by userJson in user-views.ts): never the password hash. */
export const userResponseSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(role),
    department: z.string().nullable(),
    language,
    status: z.enum(['active', 'invited', 'disabled']),
    notifyReminders: z.boolean(),
    notifyUpdates: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    disabledAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type UserResponse = z.infer<typeof userResponseSchema>;

export const userPageSchema = pageOf(userResponseSchema, 'UserPage');

/** An API token as listed: its name and first characters, never its hash. */
export const apiTokenResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdById: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });
export const apiTokenListSchema = z.array(apiTokenResponseSchema).meta({ id: 'ApiTokenList' });
export const createdApiTokenResponseSchema = apiTokenResponseSchema
  .extend({
    secret: z.string().describe('The token itself: shown this once, never again. Send it as `Authorization: Bearer <secret>`.'),
  })
  .meta({ id: 'CreatedApiToken' });

export type ApiTokenResponse = z.infer<typeof apiTokenResponseSchema>;

export const importReportSchema = z
  .object({
    ok: z.boolean(),
    total: z.number().int(),
    created: z.number().int(),
    refused: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int().describe('The line number in the file (the header is line 1).'),
        email: z.string(),
        name: z.string(),
        status: z.enum(['created', 'ready', 'refused']).describe('ready: valid, but not created because other rows were refused.'),
        errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
      }),
    ),
  })
  .meta({ id: 'UserImport' });
export const importRefusedSchema = importReportSchema
  .extend({ statusCode: z.literal(422), code: z.literal('IMPORT_REFUSED'), message: z.string() })
  .meta({ id: 'UserImportRefused' });
