import { z } from 'zod';
import { checkDayRange, dayRangeFields, optionalText, page, pageSize } from '../common/schemas';
import { rigaDayStart } from '../i18n/dates';
import type { AuditQuery } from './audit.service';

export const auditQuerySchema = z
  .object({
    action: optionalText(60),
    actor: optionalText(254).describe("The actor's id or email, or a part of their name."),
    entityType: optionalText(60),
    entityId: optionalText(64),
    ...dayRangeFields,
    page,
    pageSize,
  })
  .superRefine(checkDayRange);
export type AuditQueryInput = z.infer<typeof auditQuerySchema>;

/** Calendar days are Riga days; the last one is included. */
export function toAuditQuery(input: AuditQueryInput): AuditQuery {
  return {
    action: input.action,
    actor: input.actor,
    entityType: input.entityType,
    entityId: input.entityId,
    from: input.from ? rigaDayStart(input.from) : undefined,
    to: input.to ? rigaDayStart(input.to, 1) : undefined,
    page: input.page,
    pageSize: input.pageSize,
  };
}
