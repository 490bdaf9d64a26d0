import { mailOptions } from './mailer';
import type { OutboxMessage } from './outbox-message.entity';
import { RESENDABLE } from './outbox-admin.service';

/** An outbox row as lists show it (pages and API). */
export function outboxSummary(m: OutboxMessage) {
  return {
    id: m.id,
    recipientEmail: m.recipientEmail,
    recipientId: m.recipientId,
    template: m.template,
    category: m.category,
    language: m.language,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    messageId: m.messageId,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

/** One row with the headers it is (or would be) sent with, and both parts. */
export function outboxDetail(m: OutboxMessage, from: string) {
  const mail = mailOptions(m, from);
  const headers = [
    { name: 'From', value: from },
    { name: 'To', value: m.recipientEmail },
    { name: 'Subject', value: m.subject },
    { name: 'Message-ID', value: m.messageId },
    ...Object.entries(mail.headers as Record<string, string>).map(([name, value]) => ({ name, value })),
  ];
  return {
    ...outboxSummary(m),
    dedupKey: m.dedupKey,
    updatedAt: m.updatedAt,
    resendable: RESENDABLE.includes(m.status),
    headers,
    text: m.text,
    html: m.html,
  };
}
