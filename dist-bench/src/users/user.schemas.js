"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.passwordSchema = exports.userListQuerySchema = exports.importUsersSchema = exports.profilePatchSchema = exports.profileSchema = exports.patchUserSchema = exports.updateUserSchema = exports.createUserSchema = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
exports.createUserSchema = zod_1.z.strictObject({
    email: schemas_1.email,
    name: (0, schemas_1.requiredText)(200),
    roles: schemas_1.roleList,
    department: (0, schemas_1.optionalText)(200),
    language: schemas_1.language.default('lv'),
});
exports.updateUserSchema = zod_1.z.strictObject({
    name: (0, schemas_1.requiredText)(200),
    roles: schemas_1.roleList,
    department: (0, schemas_1.optionalText)(200),
    language: schemas_1.language,
});
/** The API's PATCH: only the fields sent change; an empty or null department clears it. */
exports.patchUserSchema = zod_1.z.strictObject({
    name: (0, schemas_1.requiredText)(200).optional(),
    roles: schemas_1.roleList.optional(),
    department: zod_1.z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), zod_1.z.string().trim().max(200).nullable()).optional(),
    language: schemas_1.language.optional(),
});
exports.profileSchema = zod_1.z.strictObject({
    name: (0, schemas_1.requiredText)(200),
    language: schemas_1.language,
    notifyReminders: schemas_1.checkbox,
    notifyUpdates: schemas_1.checkbox,
});
/** The profile through the API: JSON booleans, and only the fields sent change. */
exports.profilePatchSchema = zod_1.z
    .strictObject({ name: (0, schemas_1.requiredText)(200), language: schemas_1.language, notifyReminders: zod_1.z.boolean(), notifyUpdates: zod_1.z.boolean() })
    .partial();
/** A CSV import as pasted text (the form's textarea, or the API's JSON); an uploaded file comes beside it. */
exports.importUsersSchema = zod_1.z.strictObject({ csv: zod_1.z.string().max(2_000_000).optional() });
exports.userListQuerySchema = zod_1.z.object({
    q: (0, schemas_1.optionalText)(200),
    role: zod_1.z.preprocess((v) => (v === '' ? undefined : v), schemas_1.role.optional()),
    status: zod_1.z.preprocess((v) => (v === '' ? undefined : v), zod_1.z.enum(['active', 'disabled', 'invited']).optional()),
    page: schemas_1.page,
    pageSize: schemas_1.pageSize,
});
exports.passwordSchema = zod_1.z.strictObject({
    password: zod_1.z.string().max(1000),
    passwordConfirm: zod_1.z.string().max(1000),
});
