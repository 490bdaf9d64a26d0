"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarFeedNotFoundError = void 0;
const errors_1 = require("../common/errors");
/** A feed URL with an unknown user, a wrong token or one renewed since: nothing tells which. */
class CalendarFeedNotFoundError extends errors_1.NotFoundError {
    constructor() {
        super('calendar.errors.feedNotFound');
    }
}
exports.CalendarFeedNotFoundError = CalendarFeedNotFoundError;
