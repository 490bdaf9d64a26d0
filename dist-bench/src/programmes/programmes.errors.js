"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidPartOrderError = exports.PartNumberTakenError = exports.IndicatorNotFoundError = exports.PartNotFoundError = exports.ProgrammeNotFoundError = void 0;
const errors_1 = require("../common/errors");
class ProgrammeNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('programmes.errors.notFound');
    }
}
exports.ProgrammeNotFoundError = ProgrammeNotFoundError;
class PartNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('programmes.errors.partNotFound');
    }
}
exports.PartNotFoundError = PartNotFoundError;
class IndicatorNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('programmes.errors.indicatorNotFound');
    }
}
exports.IndicatorNotFoundError = IndicatorNotFoundError;
class PartNumberTakenError extends errors_1.ConflictError {
    constructor(number) {
        super('PART_NUMBER_TAKEN', 'programmes.errors.partNumberTaken', { number }, [{ field: 'number', code: 'programme.partNumberTaken', params: { number } }]);
    }
}
exports.PartNumberTakenError = PartNumberTakenError;
/** A new order must name every part of the programme exactly once. */
class InvalidPartOrderError extends errors_1.ValidationFailedError {
    constructor() {
        super([{ field: 'partIds', code: 'programme.partOrder' }]);
    }
}
exports.InvalidPartOrderError = InvalidPartOrderError;
