"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.attendanceFormSchema = exports.markAttendanceSchema = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
const attendance_entity_1 = require("./attendance.entity");
const status = zod_1.z.enum(attendance_entity_1.ATTENDANCE_STATUSES);
/** The JSON API: marks to set, and optionally everyone left without a mark as present. */
exports.markAttendanceSchema = zod_1.z.strictObject({
    marks: zod_1.z.array(zod_1.z.strictObject({ userId: schemas_1.uuid, status })).max(1000).default([]),
    /** Marks every trainee of the cohort who has no mark yet (and none in `marks`) as present. */
    othersPresent: zod_1.z.boolean().default(false),
});
/** The page form: a radio group per trainee (`status[<user id>]`), and the button pressed. */
exports.attendanceFormSchema = zod_1.z
    .strictObject({
    status: zod_1.z.record(schemas_1.uuid, status).default({}),
    action: zod_1.z.enum(['save', 'allPresent']).default('save'),
})
    .transform((form) => ({
    marks: Object.entries(form.status).map(([userId, value]) => ({ userId, status: value })),
    othersPresent: form.action === 'allPresent',
}));
