import { z } from 'zod';
import { pageOf } from '../common/api-docs';
import { OUTBOX_STATUSES } from './outbox-message.entity';

/** The outbox as the API shows it (outboxSummary, outboxDetail). */
export const outboxMessageBody = z
  .object({
    id: z.uuid(),
    recipientEmail: z.string(),
    recipientId: z.uuid().nullable(),
    template: z.string(),
    category: z.enum(['account', 'reminder', 'update']),
    language: z.string(),
    subject: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    messageId: z.string(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxPageBody = pageOf(outboxMessageBody, 'OutboxPage');

export const outboxMessageDetailBody = outboxMessageBody
  .extend({
    dedupKey: z.string(),
    updatedAt: z.iso.datetime(),
    resendable: z.boolean(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })),
    text: z.string(),
    html: z.string(),
  })
  .meta({ id: 'OutboxMessageDetail' });
