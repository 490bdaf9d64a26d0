import type { INestApplicationContext } from '@nestjs/common';
import { In } from 'typeorm';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxService } from '../src/notifications/outbox.service';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createTrainee } from './support/factories';
import { saveOutboxRows } from './support/outbox-factories';
import { startSmtp, TestSmtp } from './support/smtp';

describe('retrying email delivery', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let worker: INestApplicationContext;
  const attemptsTo = new Map<string, number>();

  beforeAll(async () => {
    // The first two messages to "flaky" addresses and every message to "refused" addresses get a 451.
    smtp = await startSmtp({
      reject: (mail) => {
        const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address! : '';
        attemptsTo.set(to, (attemptsTo.get(to) ?? 0) + 1);
        return to.startsWith('refused-') || (to.startsWith('flaky-') && attemptsTo.get(to)! <= 2);
      },
    });
    Object.assign(process.env, { SMTP_URL: smtp.url, EMAIL_MAX_ATTEMPTS: '3', EMAIL_BACKOFF_MS: '100' });
    t = await startWebApp();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
    for (const name of ['SMTP_URL', 'EMAIL_MAX_ATTEMPTS', 'EMAIL_BACKOFF_MS']) delete process.env[name];
  });

  async function sendTo(prefix: string) {
    const trainee = await createTrainee(t.dataSource, { email: `${prefix}-${Date.now()}@kursors.test` });
    const message = await t.app.get(OutboxService).send({
      to: { email: trainee.email, id: trainee.id, language: 'lv' },
      template: 'notice',
      category: 'update',
      data: { title: 'Vērtējums publicēts', name: trainee.name, lines: ['Jūsu patstāvīgais darbs ir novērtēts.'] },
      dedupKey: `test-retry:${trainee.id}`,
    });
    return { trainee, message: message! };
  }

  const settled = (id: string) =>
    eventually(
      async () => {
        const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
        return row.status !== 'pending' && row.status !== 'sending' && row;
      },
      20000,
      'delivery to settle',
    );

  it('sends after the server refused the first attempts', async () => {
    const { trainee, message } = await sendTo('flaky');
    const row = await settled(message.id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBeNull();
    expect(attemptsTo.get(trainee.email)).toBe(3);
    expect(smtp.messages.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
  });

  it('keeps a permanent failure with its reason after the last attempt', async () => {
    const { trainee, message } = await sendTo('refused');
    const row = await settled(message.id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(row.lastError).toMatch(/451/);
    expect(row.sentAt).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect(attemptsTo.get(trainee.email)).toBe(3);
  });

  it('tries again only the email of a batch the server refused, and sends each of the others once', async () => {
    const repo = t.dataSource.getRepository(OutboxMessage);
    const rows = await saveOutboxRows(t.dataSource, 12, { email: (i, id) => `${i === 7 ? 'flaky' : 'batch'}-${id}@kursors.test` });
    // One job for all twelve.
    await t.app.get(OutboxService).requeue(rows.map((row) => row.id));

    const ids = rows.map((row) => row.id);
    const done = await eventually(
      async () => {
        const found = await repo.findBy({ id: In(ids) });
        return found.every((row) => row.status === 'sent') && found;
      },
      20000,
      'every email of the batch to be sent',
    );
    const flaky = rows[7];
    for (const row of done) {
      expect(smtp.messages.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
      expect(row.attempts).toBe(row.id === flaky.id ? 3 : 1);
      expect(row.lastError).toBeNull();
    }
    expect(attemptsTo.get(flaky.recipientEmail)).toBe(3);
  });
});

describe('stopping the worker', () => {
  let smtp: TestSmtp;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp({ delayMs: 1500 });
    process.env.SMTP_URL = smtp.url;
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    delete process.env.SMTP_URL;
  });

  it('finishes the delivery in progress before it closes', async () => {
    const worker = await startWorker();
    const trainee = await createTrainee(t.dataSource);
    const message = await t.app.get(OutboxService).send({
      to: { email: trainee.email, id: trainee.id, language: 'lv' },
      template: 'notice',
      category: 'account',
      data: { title: 'Konta izmaiņas', name: trainee.name, lines: ['Jūsu konta dati ir atjaunināti.'] },
      dedupKey: `test-shutdown:${trainee.id}`,
    });
    await eventually(() => smtp.attempts >= 1, 10000, 'the SMTP server to receive the message');
    const row = () => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: message!.id });
    // Recorded as being sent before the server had it, so a crash now would leave it visibly uncertain.
    expect((await row()).status).toBe('sending');

    await worker.close();

    expect(smtp.messages).toHaveLength(1);
    expect((await row()).status).toBe('sent');
  });
});
