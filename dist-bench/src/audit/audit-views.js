"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.codeOption = codeOption;
exports.auditRow = auditRow;
exports.auditResponse = auditResponse;
/** A select option labelled by its locale key when there is one, else by the raw code. */
function codeOption(value, key, has) {
    return has(key) ? { value, label: key } : { value, text: value };
}
/** One row of the audit page. */
function auditRow(event, actors, has) {
    const actionKey = `audit.actions.${event.action}`;
    const entityKey = `audit.entityTypes.${event.entityType}`;
    const changes = event.before || event.after ? JSON.stringify({ before: event.before ?? undefined, after: event.after ?? undefined }, null, 2) : null;
    return {
        id: event.id,
        createdAt: event.createdAt,
        actorId: event.actorId,
        actor: event.actorId ? (actors.get(event.actorId) ?? null) : null,
        action: event.action,
        actionKey: has(actionKey) ? actionKey : null,
        entityType: event.entityType,
        entityTypeKey: has(entityKey) ? entityKey : null,
        entityId: event.entityId,
        changes,
        ip: event.ip,
    };
}
/** An event as the API shows it. */
function auditResponse(event, actors) {
    const actor = event.actorId ? actors.get(event.actorId) : undefined;
    return {
        id: event.id,
        createdAt: event.createdAt.toISOString(),
        actorId: event.actorId,
        actor: actor ? { name: actor.name, email: actor.email } : null,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        before: event.before,
        after: event.after,
        ip: event.ip,
        requestId: event.requestId,
    };
}
