"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PLACE_STATUSES = void 0;
exports.lockCohort = lockCohort;
exports.placesTaken = placesTaken;
exports.waitingCount = waitingCount;
const part_entity_1 = require("../programmes/part.entity");
const cohort_entity_1 = require("./cohort.entity");
const cohorts_errors_1 = require("./cohorts.errors");
/** Statuses that hold one of the cohort's places. */
exports.PLACE_STATUSES = ['enrolled', 'completed', 'not_completed'];
/**
 * Locks the cohort row for the rest of the transaction and loads its part and programme. Every change to
 * a cohort's enrolments takes this lock first, so places are counted and handed out one change at a time.
 */
async function lockCohort(manager, id) {
    const cohort = await manager.getRepository(cohort_entity_1.Cohort).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!cohort)
        throw new cohorts_errors_1.CohortNotFoundError();
    cohort.part = await manager.getRepository(part_entity_1.Part).findOneOrFail({ where: { id: cohort.partId }, relations: { programme: true } });
    return cohort;
}
async function placesTaken(manager, cohortId) {
    const [row] = await manager.query('SELECT count(*)::int AS taken FROM enrolments WHERE cohort_id = $1 AND status = ANY($2)', [cohortId, exports.PLACE_STATUSES]);
    return row.taken;
}
async function waitingCount(manager, cohortId) {
    const [row] = await manager.query("SELECT count(*)::int AS waiting FROM enrolments WHERE cohort_id = $1 AND status = 'waitlisted'", [cohortId]);
    return row.waiting;
}
