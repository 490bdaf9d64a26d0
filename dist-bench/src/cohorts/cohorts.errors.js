"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EnrolmentImportRejectedError = exports.NotWithdrawableError = exports.AlreadyInCohortError = exports.CannotEnrolError = exports.CapacityBelowPlacesError = exports.InvalidInstructorError = exports.UnknownPartError = exports.EnrolmentNotFoundError = exports.CohortNotFoundError = void 0;
const errors_1 = require("../common/errors");
class CohortNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('cohorts.errors.notFound');
    }
}
exports.CohortNotFoundError = CohortNotFoundError;
class EnrolmentNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('cohorts.errors.enrolmentNotFound');
    }
}
exports.EnrolmentNotFoundError = EnrolmentNotFoundError;
class UnknownPartError extends errors_1.ValidationFailedError {
    constructor() {
        super([{ field: 'partId', code: 'cohort.unknownPart' }]);
    }
}
exports.UnknownPartError = UnknownPartError;
/** An instructor id that names nobody, or someone without the instructor role. */
class InvalidInstructorError extends errors_1.ValidationFailedError {
    constructor(code, name) {
        super([{ field: 'instructorIds', code, params: { name: name ?? '' } }]);
    }
}
exports.InvalidInstructorError = InvalidInstructorError;
class CapacityBelowPlacesError extends errors_1.ValidationFailedError {
    constructor(taken) {
        super([{ field: 'capacity', code: 'cohort.capacityBelowPlaces', params: { count: taken } }]);
    }
}
exports.CapacityBelowPlacesError = CapacityBelowPlacesError;
/** The one trainee the admin tried to enrol cannot be: unknown, not a trainee, or already in the cohort. */
class CannotEnrolError extends errors_1.ValidationFailedError {
    constructor(code, params) {
        super([{ field: 'userId', code, params }]);
    }
}
exports.CannotEnrolError = CannotEnrolError;
class AlreadyInCohortError extends errors_1.ConflictError {
    constructor() {
        super('ALREADY_IN_COHORT', 'cohorts.errors.alreadyInCohort', {}, [{ field: 'userId', code: 'enrolment.alreadyInCohort' }]);
    }
}
exports.AlreadyInCohortError = AlreadyInCohortError;
/** Only someone enrolled or waiting can withdraw; a finished enrolment stays as it is. */
class NotWithdrawableError extends errors_1.DomainError {
    constructor() {
        super(409, 'NOT_WITHDRAWABLE', 'cohorts.errors.notWithdrawable');
    }
}
exports.NotWithdrawableError = NotWithdrawableError;
/** A CSV import with bad rows: nothing was enrolled; each bad row is a field error `rows.<line>`. */
class EnrolmentImportRejectedError extends errors_1.DomainError {
    constructor(errors) {
        super(422, 'IMPORT_REJECTED', 'cohorts.errors.importRejected', { count: errors.length }, errors.map((e) => ({ field: `rows.${e.line}`, code: e.code, params: e.params })));
    }
}
exports.EnrolmentImportRejectedError = EnrolmentImportRejectedError;
