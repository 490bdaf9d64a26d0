"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.list = exports.isoDate = exports.optionalInteger = exports.integer = exports.errorResponseSchema = exports.pageSize = exports.page = exports.uuid = exports.checkbox = exports.roleList = exports.role = exports.language = exports.email = exports.optionalText = exports.requiredText = exports.text = void 0;
const zod_1 = require("zod");
const role_1 = require("../users/role");
/** Trimmed text of bounded length; empty strings become undefined so optional fields stay optional. */
const text = (max) => zod_1.z.string().trim().max(max);
exports.text = text;
const requiredText = (max) => zod_1.z.string().trim().min(1).max(max);
exports.requiredText = requiredText;
const optionalText = (max) => zod_1.z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), zod_1.z.string().trim().max(max).optional());
exports.optionalText = optionalText;
exports.email = zod_1.z.string().trim().toLowerCase().max(254).pipe(zod_1.z.email());
exports.language = zod_1.z.enum(role_1.LANGUAGES);
exports.role = zod_1.z.enum(role_1.ROLES);
/** A checkbox list arrives as a string when one box is ticked, an array when several are. */
exports.roleList = zod_1.z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), zod_1.z.array(exports.role).min(1).max(3));
/** HTML checkboxes send "on" or nothing; JSON sends booleans. */
exports.checkbox = zod_1.z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', zod_1.z.boolean());
exports.uuid = zod_1.z.uuid();
exports.page = zod_1.z.coerce.number().int().min(1).max(100000).default(1);
exports.pageSize = zod_1.z.coerce.number().int().min(1).max(200).default(25);
/** The body of every API error (see AllExceptionsFilter), for the OpenAPI document. */
exports.errorResponseSchema = zod_1.z.object({
    statusCode: zod_1.z.number().int(),
    code: zod_1.z.string(),
    message: zod_1.z.string(),
    errors: zod_1.z.array(zod_1.z.object({ field: zod_1.z.string(), code: zod_1.z.string(), message: zod_1.z.string() })).optional(),
});
const emptyToUndefined = (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v);
/** A whole number from a form field or JSON; an empty field is missing, not zero. */
const integer = (min, max) => zod_1.z.preprocess(emptyToUndefined, zod_1.z.number().int().min(min).max(max));
exports.integer = integer;
/** A whole number that may be left out, or left empty in a form. */
const optionalInteger = (min, max) => zod_1.z.preprocess(emptyToUndefined, zod_1.z.number().int().min(min).max(max).optional());
exports.optionalInteger = optionalInteger;
/** A calendar date, YYYY-MM-DD (the value of `<input type="date">`). */
exports.isoDate = zod_1.z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), zod_1.z.iso.date());
/** A list from a multi-select or checkbox group (a string when one is chosen), a JSON array, or lines of a textarea. */
const list = (item, max, { lines = false } = {}) => zod_1.z.preprocess((v) => {
    if (v === undefined || v === null || v === '')
        return [];
    if (Array.isArray(v))
        return v;
    if (typeof v === 'string' && lines)
        return v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    return [v];
}, zod_1.z.array(item).max(max));
exports.list = list;
