"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ParseIdPipe = void 0;
const errors_1 = require("./errors");
const schemas_1 = require("./schemas");
/** A record id from the path: anything that is not a UUID names no record, so it is a 404, not a database error. */
class ParseIdPipe {
    messageKey;
    constructor(messageKey = 'errors.notFound') {
        this.messageKey = messageKey;
    }
    transform(value) {
        if (!schemas_1.uuid.safeParse(value).success)
            throw new errors_1.NotFoundError(this.messageKey);
        return value;
    }
}
exports.ParseIdPipe = ParseIdPipe;
