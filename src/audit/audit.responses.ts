import { z } from 'zod';
import { pageOf } from '../common/api-docs';

/** The audit log as the API shows it (auditResponse). */
export const auditEventBody = z
  .object({
    id: z.string(),
    createdAt: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    actor: z.object({ name: z.string(), email: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

export const auditPageBody = pageOf(auditEventBody, 'AuditPage');
