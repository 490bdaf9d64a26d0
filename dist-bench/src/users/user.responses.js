"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.importRefusedSchema = exports.importReportSchema = exports.createdApiTokenResponseSchema = exports.apiTokenResponseSchema = exports.userPageSchema = exports.userResponseSchema = void 0;
exports.userResponse = userResponse;
exports.apiTokenResponse = apiTokenResponse;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
/** What the API shows of a user: never the password hash. */
exports.userResponseSchema = zod_1.z.object({
    id: zod_1.z.uuid(),
    email: zod_1.z.string(),
    name: zod_1.z.string(),
    roles: zod_1.z.array(schemas_1.role),
    department: zod_1.z.string().nullable(),
    language: schemas_1.language,
    status: zod_1.z.enum(['active', 'invited', 'disabled']),
    notifyReminders: zod_1.z.boolean(),
    notifyUpdates: zod_1.z.boolean(),
    lastLoginAt: zod_1.z.iso.datetime().nullable(),
    disabledAt: zod_1.z.iso.datetime().nullable(),
    createdAt: zod_1.z.iso.datetime(),
    updatedAt: zod_1.z.iso.datetime(),
});
exports.userPageSchema = zod_1.z.object({
    items: zod_1.z.array(exports.userResponseSchema),
    total: zod_1.z.number().int(),
    page: zod_1.z.number().int(),
    pageSize: zod_1.z.number().int(),
});
function userResponse({ user, status }) {
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
exports.apiTokenResponseSchema = zod_1.z.object({
    id: zod_1.z.uuid(),
    name: zod_1.z.string(),
    prefix: zod_1.z.string(),
    createdById: zod_1.z.uuid().nullable(),
    createdAt: zod_1.z.iso.datetime(),
    lastUsedAt: zod_1.z.iso.datetime().nullable(),
    revokedAt: zod_1.z.iso.datetime().nullable(),
});
exports.createdApiTokenResponseSchema = exports.apiTokenResponseSchema.extend({
    secret: zod_1.z.string().describe('The token itself: shown this once, never again. Send it as `Authorization: Bearer <secret>`.'),
});
function apiTokenResponse(token) {
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
exports.importReportSchema = zod_1.z.object({
    ok: zod_1.z.boolean(),
    total: zod_1.z.number().int(),
    created: zod_1.z.number().int(),
    refused: zod_1.z.number().int(),
    rows: zod_1.z.array(zod_1.z.object({
        row: zod_1.z.number().int().describe('The line number in the file (the header is line 1).'),
        email: zod_1.z.string(),
        name: zod_1.z.string(),
        status: zod_1.z.enum(['created', 'ready', 'refused']).describe('ready: valid, but not created because other rows were refused.'),
        errors: zod_1.z.array(zod_1.z.object({ field: zod_1.z.string(), code: zod_1.z.string(), message: zod_1.z.string() })),
    })),
});
exports.importRefusedSchema = exports.importReportSchema.extend({ statusCode: zod_1.z.literal(422), code: zod_1.z.literal('IMPORT_REFUSED'), message: zod_1.z.string() });
