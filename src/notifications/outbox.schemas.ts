import { z } from 'zod';
import { optionalText, page, pageSize } from '../common/schemas';
import { OUTBOX_STATUSES } from './outbox-message.entity';

export const outboxListQuerySchema = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(OUTBOX_STATUSES).optional()),
  /** Part of the recipient's email address. */
  q: optionalText(254),
  page,
  pageSize,
});
export type OutboxListQuery = z.infer<typeof outboxListQuerySchema>;
