"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.auditQuerySchema = void 0;
exports.toAuditQuery = toAuditQuery;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
const dates_1 = require("../i18n/dates");
const day = zod_1.z.preprocess((v) => (v === '' ? undefined : v), zod_1.z.iso.date().optional());
exports.auditQuerySchema = zod_1.z.object({
    action: (0, schemas_1.optionalText)(60),
    actor: (0, schemas_1.optionalText)(254).describe("The actor's id or email, or a part of their name."),
    entityType: (0, schemas_1.optionalText)(60),
    entityId: (0, schemas_1.optionalText)(64),
    from: day.describe('First day (Riga time), YYYY-MM-DD.'),
    to: day.describe('Last day (Riga time, included), YYYY-MM-DD.'),
    page: schemas_1.page,
    pageSize: schemas_1.pageSize,
});
function rigaDay(value, plusDays = 0) {
    const [year, month, date] = value.split('-').map(Number);
    return (0, dates_1.rigaTime)(year, month, date + plusDays);
}
/** Calendar days are Riga days; the last one is included. */
function toAuditQuery(input) {
    return {
        action: input.action,
        actor: input.actor,
        entityType: input.entityType,
        entityId: input.entityId,
        from: input.from ? rigaDay(input.from) : undefined,
        to: input.to ? rigaDay(input.to, 1) : undefined,
        page: input.page,
        pageSize: input.pageSize,
    };
}
