import type { INestApplicationContext } from '@nestjs/common';
import { In } from 'typeorm';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxSweeper } from '../src/notifications/outbox-sweeper';
import { OutboxService } from '../src/notifications/outbox.service';
import { startWebApp, startWorker, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createAdmin } from './support/factories';
import { logIn } from './support/http';
import { saveOutboxRows } from './support/outbox-factories';
import { startSmtp, TestSmtp } from './support/smtp';
import { startWorkerProcess } from './support/worker-process';

const COUNT = 200;

describe('a worker killed in the middle of delivering 200 emails', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let survivor: INestApplicationContext | undefined;

  beforeAll(async () => {
    // A slow server, so that a kill finds emails being handed over.
    smtp = await startSmtp({ delayMs: 30 });
    t = await startWebApp();
  });
  afterAll(async () => {
    await survivor?.close();
    await t.close();
    await smtp.close();
    delete process.env.SMTP_URL;
    delete process.env.OUTBOX_SWEEP_SECONDS;
  });

  const repo = () => t.dataSource.getRepository(OutboxMessage);

  it('delivers every email, and a duplicate only of those in flight at the kill, with the same Message-ID', async () => {
    const rows = await saveOutboxRows(t.dataSource, COUNT);
    const ids = rows.map((r) => r.id);
    const settings = { SMTP_URL: smtp.url, OUTBOX_SWEEP_SECONDS: '1' };

    const doomed = await startWorkerProcess(settings);
    await t.app.get(OutboxService).requeue(ids);
    await eventually(() => smtp.messages.length >= 60 || undefined, 60_000, '60 emails at the sink');
    await doomed.kill();

    const inFlight = await repo().find({ where: { id: In(ids), status: 'sending' } });
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.length).toBeLessThanOrEqual(5);

    Object.assign(process.env, settings);
    survivor = await startWorker();
    await eventually(
      async () => (await repo().countBy({ id: In(ids), status: 'sent' })) === COUNT || undefined,
      150_000,
      'every email sent',
    );

    // The sink may also get emails left pending in this database by other tests: count this batch's.
    const batch = new Set(rows.map((r) => r.messageId));
    const received = new Map<string, number>();
    for (const mail of smtp.messages.filter((m) => batch.has(m.messageId!)))
      received.set(mail.messageId!, (received.get(mail.messageId!) ?? 0) + 1);
    expect(rows.filter((r) => !received.has(r.messageId))).toEqual([]);
    expect(received.size).toBe(COUNT);

    const duplicated = [...received].filter(([, times]) => times > 1);
    const inFlightIds = new Set(inFlight.map((r) => r.messageId));
    for (const [messageId, times] of duplicated) {
      expect(inFlightIds.has(messageId)).toBe(true);
      expect(times).toBe(2);
    }
    // Those that were resent say so, and nothing else does.
    const resent = await repo().find({ where: { id: In(ids), uncertainResent: true } });
    expect(resent.map((r) => r.messageId).sort()).toEqual(inFlight.map((r) => r.messageId).sort());
  }, 240_000);

  it('sends an interrupted email once more, and after a second interruption leaves it uncertain in the outbox for an administrator', async () => {
    Object.assign(process.env, { SMTP_URL: smtp.url, OUTBOX_SWEEP_SECONDS: '1' });
    survivor ??= await startWorker();
    const [once] = await saveOutboxRows(t.dataSource, 1, { status: 'sending' });
    const [twice] = await saveOutboxRows(t.dataSource, 1, { status: 'sending', uncertainResent: true });
    await new Promise((r) => setTimeout(r, 20));

    await survivor.get(OutboxSweeper).sweep(0);
    await eventually(
      async () => (await repo().findOneByOrFail({ id: once.id })).status === 'sent',
      30_000,
      'the interrupted email sent again',
    );
    expect(smtp.messages.filter((m) => m.messageId === once.messageId)).toHaveLength(1);
    expect(await repo().findOneByOrFail({ id: once.id })).toMatchObject({ status: 'sent', uncertainResent: true });

    await new Promise((r) => setTimeout(r, 1500));
    expect(await repo().findOneByOrFail({ id: twice.id })).toMatchObject({ status: 'uncertain', uncertainResent: true });
    expect(smtp.messages.filter((m) => m.messageId === twice.messageId)).toHaveLength(0);

    const admin = await logIn(t.agent(), (await createAdmin(t.dataSource)).email);
    const list = await admin.get(`/admin/outbox?status=uncertain&q=${encodeURIComponent(twice.recipientEmail)}`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(twice.recipientEmail);
    expect(list.text).toMatch(/<span class="badge badge-danger">Nav zināms<\/span>/);
    const detail = await admin.get(`/admin/outbox/${twice.id}`);
    expect(detail.text).toContain('Sūtīšana tika pārtraukta');
    const sentAgain = await admin.get(`/admin/outbox/${once.id}`);
    expect(sentAgain.text).toContain('saņēmējam tas var būt divreiz, ar to pašu Message-ID');
  }, 60_000);
});
