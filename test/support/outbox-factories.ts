import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OutboxMessage } from '../../src/notifications/outbox-message.entity';

export interface OutboxRowOptions {
  status?: 'pending' | 'sending';
  uncertainResent?: boolean;
  /** The address of the row numbered `i` (from 0); by default one of its own. */
  email?: (i: number, id: string) => string;
}

/**
 * Account emails to no user, written straight to the outbox and not queued: each with its own address and
 * Message-ID, pending unless told otherwise (`sending`: a sender was cut off while handing it over).
 */
export async function saveOutboxRows(dataSource: DataSource, count: number, options: OutboxRowOptions = {}): Promise<OutboxMessage[]> {
  const repo = dataSource.getRepository(OutboxMessage);
  const rows = Array.from({ length: count }, (_v, i) => {
    const id = randomUUID();
    return repo.create({
      id,
      dedupKey: `test-outbox:${id}`,
      recipientEmail: options.email?.(i, id) ?? `kursants-${id}@kursors.test`,
      recipientId: null,
      template: 'notice',
      category: 'account',
      language: 'lv',
      data: {},
      subject: `Vēstule ${i + 1}`,
      html: '<p>Vēstule</p>',
      text: 'Vēstule',
      messageId: `<${id}@kursors.test>`,
      status: options.status ?? 'pending',
      uncertainResent: options.uncertainResent ?? false,
    });
  });
  return repo.save(rows);
}
