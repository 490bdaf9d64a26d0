"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.indicatorSchema = exports.partMoveSchema = exports.partOrderSchema = exports.partSchema = exports.programmeSchema = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
const indicator_entity_1 = require("./indicator.entity");
const programme_entity_1 = require("./programme.entity");
const percent = zod_1.z.preprocess((v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v), zod_1.z.number().min(0).max(100).multipleOf(0.01));
const reminderHours = (0, schemas_1.list)((0, schemas_1.integer)(1, 24 * 60), 5).pipe(zod_1.z.array(zod_1.z.number()).min(1));
exports.programmeSchema = zod_1.z.strictObject({
    titleLv: (0, schemas_1.requiredText)(300),
    titleEn: (0, schemas_1.optionalText)(300),
    descriptionLv: (0, schemas_1.text)(5000).default(''),
    descriptionEn: (0, schemas_1.text)(5000).default(''),
    status: zod_1.z.enum(programme_entity_1.PROGRAMME_STATUSES).default('draft'),
    projectTitle: (0, schemas_1.requiredText)(500),
    agreementNumber: (0, schemas_1.requiredText)(100),
    funder: (0, schemas_1.requiredText)(200),
    cofinancingPercent: percent,
    partners: (0, schemas_1.list)((0, schemas_1.requiredText)(200), 20, { lines: true }),
    fundingStatement: (0, schemas_1.requiredText)(2000),
    /** Comma-separated in the form: "72, 24". */
    reminderOffsetsHours: zod_1.z.preprocess((v) => (typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : v), reminderHours).optional(),
    studyVisitOffsetsHours: zod_1.z.preprocess((v) => (typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : v), reminderHours).optional(),
});
exports.partSchema = zod_1.z.strictObject({
    /** Left out on creation: the next free number. */
    number: (0, schemas_1.optionalInteger)(1, 99),
    titleLv: (0, schemas_1.requiredText)(300),
    titleEn: (0, schemas_1.optionalText)(300),
    descriptionLv: (0, schemas_1.text)(5000).default(''),
    descriptionEn: (0, schemas_1.text)(5000).default(''),
    academicHours: (0, schemas_1.integer)(0, 2000),
    minAttendancePercent: (0, schemas_1.integer)(0, 100),
    requiresIndependentWork: schemas_1.checkbox,
    requiresFinalExam: schemas_1.checkbox,
    closesWithSeminar: schemas_1.checkbox,
});
exports.partOrderSchema = zod_1.z.strictObject({ partIds: zod_1.z.array(schemas_1.uuid).min(1).max(99) });
exports.partMoveSchema = zod_1.z.strictObject({ direction: zod_1.z.enum(['up', 'down']) });
exports.indicatorSchema = zod_1.z.strictObject({
    nameLv: (0, schemas_1.requiredText)(300),
    nameEn: (0, schemas_1.optionalText)(300),
    metric: zod_1.z.enum(indicator_entity_1.INDICATOR_METRICS),
    target: (0, schemas_1.integer)(0, 10_000_000),
    position: (0, schemas_1.optionalInteger)(0, 999),
});
