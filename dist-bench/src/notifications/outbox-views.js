"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.outboxSummary = outboxSummary;
exports.outboxDetail = outboxDetail;
const mailer_1 = require("./mailer");
const outbox_admin_service_1 = require("./outbox-admin.service");
/** An outbox row as lists show it (pages and API). */
function outboxSummary(m) {
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
function outboxDetail(m, from) {
    const mail = (0, mailer_1.mailOptions)(m, from);
    const headers = [
        { name: 'From', value: from },
        { name: 'To', value: m.recipientEmail },
        { name: 'Subject', value: m.subject },
        { name: 'Message-ID', value: m.messageId },
        ...Object.entries(mail.headers).map(([name, value]) => ({ name, value })),
    ];
    return {
        ...outboxSummary(m),
        dedupKey: m.dedupKey,
        updatedAt: m.updatedAt,
        resendable: outbox_admin_service_1.RESENDABLE.includes(m.status),
        headers,
        text: m.text,
        html: m.html,
    };
}
