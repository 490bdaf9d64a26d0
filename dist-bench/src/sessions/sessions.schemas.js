"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mySessionsQuerySchema = exports.sessionListQuerySchema = exports.cancelSessionSchema = exports.moveSessionSchema = exports.createSessionSchema = exports.sessionDetailsSchema = exports.MAX_SESSION_DAYS = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
const dates_1 = require("../i18n/dates");
const session_entity_1 = require("./session.entity");
/** A session may last at most this long; clash checks rely on it to stay on the index. */
exports.MAX_SESSION_DAYS = 14;
const date = zod_1.z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = zod_1.z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const optionalDate = zod_1.z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), date.optional());
const httpsUrl = zod_1.z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), zod_1.z
    .string()
    .trim()
    .max(500)
    .refine((value) => {
    try {
        const url = new URL(value);
        return url.protocol === 'https:' && Boolean(url.hostname);
    }
    catch {
        return false;
    }
}, { params: { code: 'session.httpsOnly' } })
    .optional());
/** A checkbox list arrives as a string when one box is ticked, an array when several are. */
const idList = zod_1.z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), zod_1.z.array(schemas_1.uuid).max(20));
/** One site per line in the form; a list in JSON. */
const lines = zod_1.z.preprocess((v) => (typeof v === 'string' ? v.split(/\r?\n/) : v ?? []), zod_1.z.array(zod_1.z.string().trim().max(300)).transform((items) => items.filter(Boolean)).pipe(zod_1.z.array(zod_1.z.string()).max(50)));
function isCalendarDate(value) {
    const [y, m, d] = value.split('-').map(Number);
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}
function toInstant(day, clock) {
    const [y, m, d] = day.split('-').map(Number);
    const [h, mi] = clock.split(':').map(Number);
    return (0, dates_1.rigaTime)(y, m, d, h, mi);
}
const timeFields = {
    /** Riga calendar date and wall-clock time. */
    startDate: date,
    startTime: time,
    /** Defaults to the start date; a study visit may last several days. */
    endDate: optionalDate,
    endTime: time,
};
function instants(value) {
    return { startsAt: toInstant(value.startDate, value.startTime), endsAt: toInstant(value.endDate ?? value.startDate, value.endTime) };
}
/** Checks the Riga dates and times together; runs even when other fields failed, so every error shows at once. */
function checkTimes(value, ctx) {
    const wellFormed = date.safeParse(value.startDate).success && time.safeParse(value.startTime).success && time.safeParse(value.endTime).success &&
        (value.endDate === undefined || date.safeParse(value.endDate).success);
    if (!wellFormed)
        return;
    let ok = true;
    for (const [field, day] of [['startDate', value.startDate], ['endDate', value.endDate]]) {
        if (day !== undefined && !isCalendarDate(day)) {
            ctx.addIssue({ code: 'custom', path: [field], params: { code: 'session.invalidDate' } });
            ok = false;
        }
    }
    if (!ok)
        return;
    const { startsAt, endsAt } = instants(value);
    if (endsAt <= startsAt)
        ctx.addIssue({ code: 'custom', path: ['endTime'], params: { code: 'session.endAfterStart' } });
    else if (endsAt.getTime() - startsAt.getTime() > exports.MAX_SESSION_DAYS * 86_400_000) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], params: { code: 'session.tooLong', values: { count: exports.MAX_SESSION_DAYS } } });
    }
}
function withInstants(value) {
    return { ...value, endDate: value.endDate ?? value.startDate, ...instants(value) };
}
const detailFields = {
    kind: zod_1.z.enum(session_entity_1.SESSION_KINDS),
    title: (0, schemas_1.requiredText)(300),
    address: (0, schemas_1.optionalText)(300),
    room: (0, schemas_1.optionalText)(100),
    onlineUrl: httpsUrl,
    /** Empty: the cohort's instructors. */
    instructorIds: idList,
    hosts: (0, schemas_1.optionalText)(300),
    sitesVisited: lines,
    notes: (0, schemas_1.optionalText)(5000),
};
function checkPlace(value, ctx) {
    if (!value.address && !value.onlineUrl)
        ctx.addIssue({ code: 'custom', path: ['address'], params: { code: 'session.placeRequired' } });
    if (value.room && !value.address)
        ctx.addIssue({ code: 'custom', path: ['room'], params: { code: 'session.roomNeedsAddress' } });
}
exports.sessionDetailsSchema = zod_1.z.strictObject(detailFields).superRefine(checkPlace);
exports.createSessionSchema = zod_1.z
    .strictObject({ ...detailFields, ...timeFields })
    .superRefine((value, ctx) => {
    checkPlace(value, ctx);
    checkTimes(value, ctx);
})
    .transform(withInstants);
exports.moveSessionSchema = zod_1.z
    .strictObject({ ...timeFields, reason: (0, schemas_1.requiredText)(500) })
    .superRefine(checkTimes)
    .transform(withInstants);
exports.cancelSessionSchema = zod_1.z.strictObject({ reason: (0, schemas_1.requiredText)(500) });
exports.sessionListQuerySchema = zod_1.z.object({ page: schemas_1.page, pageSize: schemas_1.pageSize });
exports.mySessionsQuerySchema = zod_1.z.object({ page: schemas_1.page, pageSize: schemas_1.pageSize.pipe(zod_1.z.number().max(100)) });
