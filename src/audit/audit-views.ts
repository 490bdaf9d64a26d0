import type { AuditEvent } from './audit-event.entity';
import { plainAddress } from '../common/request';
import type { AuditActor, AuditRecordName } from './audit.service';

/** A select option labelled by its locale key when there is one, else by the raw code. */
export function codeOption(value: string, key: string, has: (key: string) => boolean) {
  return has(key) ? { value, label: key } : { value, text: value };
}

/** One row of the audit page. */
export function auditRow(
  event: AuditEvent,
  actors: Map<string, AuditActor>,
  records: Map<string, AuditRecordName>,
  has: (key: string) => boolean,
) {
  const actionKey = `audit.actions.${event.action}`;
  const entityKey = `audit.entityTypes.${event.entityType}`;
  const changes =
    event.before || event.after ? JSON.stringify({ before: event.before ?? undefined, after: event.after ?? undefined }, null, 2) : null;
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
    record: event.entityId ? (records.get(`${event.entityType}:${event.entityId}`) ?? null) : null,
    changes,
    ip: event.ip ? plainAddress(event.ip) : null,
  };
}

/** An event as the API shows it. */
export function auditResponse(event: AuditEvent, actors: Map<string, AuditActor>) {
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
    ip: event.ip ? plainAddress(event.ip) : null,
    requestId: event.requestId,
  };
}
