import { z } from 'zod';
import { optionalText, page, pageSize } from '../common/schemas';
import { rigaTime } from '../i18n/dates';
import type { AuditQuery } from './audit.service';

const day = z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional());

export const auditQuerySchema = z.object({
  action: optionalText(60),
  actor: optionalText(254).describe("The actor's id or email, or a part of their name."),
  entityType: optionalText(60),
  entityId: optionalText(64),
  from: day.describe('First day (Riga time), YYYY-MM-DD.'),
  to: day.describe('Last day (Riga time, included), YYYY-MM-DD.'),
  page,
  pageSize,
});
export type AuditQueryInput = z.infer<typeof auditQuerySchema>;

function rigaDay(value: string, plusDays = 0): Date {
  const [year, month, date] = value.split('-').map(Number);
  return rigaTime(year, month, date + plusDays);
}

/** Calendar days are Riga days; the last one is included. */
export function toAuditQuery(input: AuditQueryInput): AuditQuery {
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
