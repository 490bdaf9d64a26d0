import { pager } from '../common/paging';
import { mailOptions } from './mailer';
import { OUTBOX_STATUSES, type OutboxMessage } from './outbox-message.entity';
import { RESENDABLE } from './outbox-admin.service';
import type { OutboxListQuery } from './outbox.schemas';
import type { UnsubscribeClaim } from './unsubscribe-tokens';

type OutboxPage = { items: OutboxMessage[]; total: number };

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

/** A page of the outbox as the API gives it. */
export function outboxPageJson({ items, total }: OutboxPage, query: OutboxListQuery) {
  return { items: items.map(outboxSummary), total, page: query.page, pageSize: query.pageSize };
}

/** The outbox page: a page of emails with their status and template named, the filter and whether SMTP is set. */
export function outboxListPage({ items, total }: OutboxPage, query: OutboxListQuery, smtpConfigured: boolean) {
  return {
    titleKey: 'outbox.title',
    items: items.map((m) => ({
      ...outboxSummary(m),
      statusLabel: `outbox.status.${m.status}`,
      templateLabel: `outbox.template.${m.template}`,
    })),
    total,
    query,
    statusOptions: OUTBOX_STATUSES.map((status) => ({ value: status, label: `outbox.status.${status}` })),
    smtpConfigured,
    pager: pager('/admin/outbox', query, total),
  };
}

/** One email's page: its headers and parts, and what its status means (a sent one said whether it went twice). */
export function outboxMessagePage(message: OutboxMessage, from: string) {
  return {
    titleKey: 'outbox.detail.title',
    message: outboxDetail(message, from),
    statusLabel: `outbox.status.${message.status}`,
    statusHint:
      message.status === 'sent' && message.uncertainResent ? 'outbox.statusHint.sentAgain' : `outbox.statusHint.${message.status}`,
    categoryLabel: `outbox.category.${message.category}`,
    templateLabel: `outbox.template.${message.template}`,
  };
}

/** The unsubscribe link's question, naming the kind of email it stops. */
export function unsubscribePage(claim: UnsubscribeClaim) {
  return { titleKey: 'outbox.unsubscribe.title', questionKey: `outbox.unsubscribe.question.${claim.category}` };
}

/** What unsubscribing stopped. */
export function unsubscribedPage(claim: UnsubscribeClaim) {
  return { titleKey: 'outbox.unsubscribe.title', doneKey: `outbox.unsubscribe.done.${claim.category}` };
}
