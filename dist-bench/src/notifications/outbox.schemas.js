"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.outboxListQuerySchema = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
const outbox_message_entity_1 = require("./outbox-message.entity");
exports.outboxListQuerySchema = zod_1.z.object({
    status: zod_1.z.preprocess((v) => (v === '' ? undefined : v), zod_1.z.enum(outbox_message_entity_1.OUTBOX_STATUSES).optional()),
    /** Part of the recipient's email address. */
    q: (0, schemas_1.optionalText)(254),
    page: schemas_1.page,
    pageSize: schemas_1.pageSize,
});
