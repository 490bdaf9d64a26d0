"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IMPORT_STATUSES = exports.importSchema = exports.traineeSearchSchema = exports.withdrawSchema = exports.enrolSchema = exports.cohortListQuerySchema = exports.updateCohortSchema = exports.createCohortSchema = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
const cohortFields = {
    name: (0, schemas_1.requiredText)(200),
    startsOn: schemas_1.isoDate,
    endsOn: schemas_1.isoDate,
    capacity: (0, schemas_1.integer)(1, 10_000),
    instructorIds: (0, schemas_1.list)(schemas_1.uuid, 20),
};
const endsAfterStart = (value) => value.endsOn >= value.startsOn;
const endsAfterStartIssue = { path: ['endsOn'], params: { code: 'cohort.endsBeforeStart' } };
exports.createCohortSchema = zod_1.z.strictObject({ partId: schemas_1.uuid, ...cohortFields }).refine(endsAfterStart, endsAfterStartIssue);
/** A cohort stays a run of the part it was created for. */
exports.updateCohortSchema = zod_1.z.strictObject(cohortFields).refine(endsAfterStart, endsAfterStartIssue);
exports.cohortListQuerySchema = zod_1.z.object({
    programmeId: zod_1.z.preprocess((v) => (v === '' ? undefined : v), schemas_1.uuid.optional()),
    partId: zod_1.z.preprocess((v) => (v === '' ? undefined : v), schemas_1.uuid.optional()),
    page: schemas_1.page,
    pageSize: schemas_1.pageSize,
});
exports.enrolSchema = zod_1.z.strictObject({ userId: schemas_1.uuid });
exports.withdrawSchema = zod_1.z.strictObject({ reason: (0, schemas_1.requiredText)(500) });
exports.traineeSearchSchema = zod_1.z.object({ q: (0, schemas_1.optionalText)(200) });
/** CSV sent as JSON; a multipart upload sends the file instead. */
exports.importSchema = zod_1.z.strictObject({ csv: zod_1.z.string().max(1_000_000).optional() });
/** What a CSV row may ask for; completed and not completed record past runs. */
exports.IMPORT_STATUSES = ['enrolled', 'waitlisted', 'completed', 'not_completed'];
