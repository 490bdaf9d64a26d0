import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { OutboxMessage } from '../src/notifications/outbox-message.entity';
import { OutboxService } from '../src/notifications/outbox.service';
import { startMailingApps, type MailingApps } from './support/app';
import { eventually } from './support/eventually';
import { createTrainee } from './support/factories';

const POOL_SIZE = 2;
const EMAILS = 12;

/**
 * A worker whose deliveries at once (five jobs of one email each) outnumber its database connections: each holds
 * one connection, with its sender lock, from taking its email to recording it; one that waited for a second pooled
 * connection meanwhile would wait behind deliveries that wait for it.
 */
describe('email delivery on a small database pool', () => {
  let apps: MailingApps;
  beforeAll(async () => {
    apps = await startMailingApps({ DATABASE_POOL_SIZE: String(POOL_SIZE) });
  });
  afterAll(() => apps?.close());

  it(`sends ${EMAILS} notices to trainees with a pool of ${POOL_SIZE} connections`, async () => {
    const { t, smtp } = apps;
    const outbox = t.app.get(OutboxService);
    const label = randomUUID();
    const rows = [];
    for (let i = 0; i < EMAILS; i++) {
      const trainee = await createTrainee(t.dataSource);
      rows.push(
        await outbox.send({
          to: { email: trainee.email, id: trainee.id, language: 'lv' },
          template: 'notice',
          category: 'update',
          data: { title: `Paziņojums ${i + 1}`, name: trainee.name, lines: ['Nodarbība pārcelta.'] },
          dedupKey: `busy-pool:${label}:${trainee.id}`,
        }),
      );
    }
    const ids = rows.map((row) => row!.id);
    const repo = t.dataSource.getRepository(OutboxMessage);
    await eventually(async () => (await repo.countBy({ id: In(ids), status: 'sent' })) === EMAILS, 20_000, 'every email sent');
    // The sink may also get emails left pending in this database by other tests: count this batch's.
    const batch = new Set((await repo.findBy({ id: In(ids) })).map((r) => r.messageId));
    expect(smtp.messages.filter((m) => batch.has(m.messageId!))).toHaveLength(EMAILS);
  });
});
