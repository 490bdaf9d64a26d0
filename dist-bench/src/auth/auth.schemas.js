"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.apiTokenSchema = exports.resetRequestSchema = exports.languageSchema = exports.loginSchema = void 0;
exports.safeNext = safeNext;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
exports.loginSchema = zod_1.z.object({
    email: schemas_1.email,
    password: zod_1.z.string().min(1).max(1000),
    next: zod_1.z.string().max(2000).optional(),
});
exports.languageSchema = zod_1.z.object({
    lang: schemas_1.language,
    next: zod_1.z.string().max(2000).optional(),
});
exports.resetRequestSchema = zod_1.z.object({ email: schemas_1.email });
exports.apiTokenSchema = zod_1.z.strictObject({ name: (0, schemas_1.requiredText)(100) });
/** Only same-site paths may be a redirect target after login. */
function safeNext(next) {
    return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
