import { z } from 'zod';
import type { ApiToken } from '../auth/api-token.entity';
import { pageOf } from '../common/api-docs';
import { language, role } from '../common/schemas';
import type { UserSummary } from './user-summary';

/** What the API shows of a user: never the password hash. */
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

export function userResponse({ user, status }: UserSummary): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    department: user.department,
    language: user.language,
    status,
    notifyReminders: user.notifyReminders,
    notifyUpdates: user.notifyUpdates,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

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

export function apiTokenResponse(token: ApiToken): z.infer<typeof apiTokenResponseSchema> {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdById: token.createdById,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

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
