import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { afterCommit, afterRollback, unitOfWork } from '../src/database/unit-of-work';
import { EMAIL_QUEUE } from '../src/notifications/notifications.constants';
import { OutboxService } from '../src/notifications/outbox.service';
import { startWebApp, type TestApp } from './support/app';

/** The transaction helper every change goes through: its after-commit tasks run once, and only on commit. */
describe('unit of work', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(() => t.close());

  const email = (key: string) => ({
    to: { email: `${key}@example.lv`, language: 'lv' as const },
    template: 'password-reset',
    category: 'account' as const,
    data: { name: 'Ilze', link: 'https://kursors.example/x' },
    dedupKey: `unit-of-work:${key}:${Date.now()}:${Math.random()}`,
  });
  const queued = async (id: string) => Boolean(await t.app.get<Queue>(getQueueToken(EMAIL_QUEUE)).getJob(id));

  it('runs its tasks after the commit, in order, and only then queues the emails written in it', async () => {
    const seen: string[] = [];
    const outbox = t.app.get(OutboxService);
    const id = await unitOfWork(t.dataSource, async (manager) => {
      const message = await outbox.enqueue(manager, email('commit'));
      await afterCommit(manager, () => seen.push('first'));
      await afterCommit(manager, async () => {
        // The transaction is over: another connection sees the row.
        const [row] = await t.dataSource.query('SELECT id FROM outbox_messages WHERE id = $1', [message!.id]);
        seen.push(row ? 'second, after commit' : 'second, before commit');
      });
      expect(seen).toEqual([]);
      expect(await queued(message!.id)).toBe(false);
      return message!.id;
    });
    expect(seen).toEqual(['first', 'second, after commit']);
    expect(await queued(id)).toBe(true);
  });

  it('runs no after-commit task and queues nothing when the work fails, and runs its rollback tasks', async () => {
    const seen: string[] = [];
    let messageId = '';
    await expect(
      unitOfWork(t.dataSource, async (manager) => {
        messageId = (await t.app.get(OutboxService).enqueue(manager, email('rollback')))!.id;
        await afterCommit(manager, () => seen.push('committed'));
        afterRollback(manager, () => seen.push('rolled back'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual(['rolled back']);
    expect(await t.dataSource.query('SELECT id FROM outbox_messages WHERE id = $1', [messageId])).toEqual([]);
    expect(await queued(messageId)).toBe(false);
  });

  it('lets a nested unit of work join the outer one: its tasks wait for the outer commit', async () => {
    const seen: string[] = [];
    await unitOfWork(t.dataSource, async (outer) => {
      await unitOfWork(outer, async (inner) => {
        expect(inner).toBe(outer);
        await afterCommit(inner, () => seen.push('inner'));
      });
      expect(seen).toEqual([]);
      await afterCommit(outer, () => seen.push('outer'));
    });
    expect(seen).toEqual(['inner', 'outer']);
  });

  it('keeps the commit when an after-commit task fails, and still runs the tasks after it', async () => {
    const seen: string[] = [];
    const result = await unitOfWork(t.dataSource, async (manager) => {
      await afterCommit(manager, () => {
        throw new Error('Redis is away');
      });
      await afterCommit(manager, () => seen.push('next'));
      return 'committed';
    });
    expect(result).toBe('committed');
    expect(seen).toEqual(['next']);
  });

  it('refuses an after-commit task in a transaction not opened as a unit of work, and runs one at once outside any', async () => {
    await expect(t.dataSource.transaction((manager) => afterCommit(manager, () => undefined))).rejects.toThrow(/unitOfWork/);
    const seen: string[] = [];
    await afterCommit(t.dataSource.manager, () => seen.push('now'));
    expect(seen).toEqual(['now']);
  });

  it('runs on the connection of a query runner it is given, so the work sees what that connection holds', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const pid = async (query: (sql: string) => Promise<{ pid: number }[]>) => (await query('SELECT pg_backend_pid() AS pid'))[0].pid;
      const held = await pid((sql) => runner.query(sql));
      const seen: string[] = [];
      const inside = await unitOfWork(runner.manager, async (manager) => {
        await afterCommit(manager, () => seen.push('committed'));
        return pid((sql) => manager.query(sql));
      });
      expect(inside).toBe(held);
      expect(seen).toEqual(['committed']);
      expect(runner.isTransactionActive).toBe(false);
    } finally {
      await runner.release();
    }
  });

  it('refuses to open inside a transaction not opened as a unit of work', async () => {
    await expect(t.dataSource.transaction((manager) => unitOfWork(manager, async () => 'nested'))).rejects.toThrow(/unitOfWork/);
  });
});
