import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { SEND_SLOTS } from './notifications.constants';
import type { OutboxMessage } from './outbox-message.entity';

/** What of an outbox row goes into the email. */
export type MailedMessage = Pick<OutboxMessage, 'recipientEmail' | 'subject' | 'html' | 'text' | 'messageId' | 'category' | 'data'>;

/** The envelope and headers of an outbox row as sent: its own Message-ID, and RFC 8058 one-click unsubscribe where it can be switched off. */
export function mailOptions(message: MailedMessage, from: string): SendMailOptions {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
  const unsubscribeUrl = message.data?.unsubscribeUrl;
  if (message.category !== 'account' && typeof unsubscribeUrl === 'string') {
    headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    from,
    to: message.recipientEmail,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    headers,
  };
}

/** SMTP delivery from SMTP_URL; without it there is no transport and emails stay in the outbox. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | undefined;

  constructor(private readonly config: AppConfig) {
    const url = config.env.SMTP_URL;
    // Short timeouts: a delivery holds its outbox row locked while it talks to the server.
    this.transport = url
      ? createTransport({
          url,
          pool: true,
          maxConnections: SEND_SLOTS,
          connectionTimeout: 20_000,
          greetingTimeout: 20_000,
          socketTimeout: 60_000,
        })
      : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(message: MailedMessage): Promise<void> {
    if (!this.transport) throw new Error('SMTP is not configured');
    await this.transport.sendMail(mailOptions(message, this.config.env.MAIL_FROM));
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
