import type { Actor } from '../common/actor';
import { GradingQueueService } from './grading-queue.service';
import type { GradingRecords } from './grading-records.service';

/** Records that answer a queue of `total` submissions and note whether each page statement was asked to count. */
function recordsOf(total: () => number) {
  const asked: boolean[] = [];
  const records = {
    queueScope: () => Promise.resolve({ own: ['a1'], ofPart: [], partCohorts: [] }),
    queuePage: (_scope: unknown, _query: unknown, counted: boolean) => {
      asked.push(counted);
      return Promise.resolve([{ id: null, counted: counted ? total() : 0 }]);
    },
  } as unknown as GradingRecords;
  return { records, asked };
}

const instructor = { userId: 'u1', roles: ['instructor'] } as unknown as Actor;
const query = { page: 1, pageSize: 25 };

describe('GradingQueueService totals', () => {
  afterEach(() => jest.useRealTimers());

  it('counts a queue of up to 1,000 every time', async () => {
    let total = 1000;
    const { records, asked } = recordsOf(() => total);
    const queue = new GradingQueueService(records);
    expect((await queue.find(instructor, query)).total).toBe(1000);
    total = 999;
    expect((await queue.find(instructor, query)).total).toBe(999);
    expect(asked).toEqual([true, true]);
  });

  it('counts a longer queue at most every 15 seconds and shows the total kept in between', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    let total = 30_000;
    const { records, asked } = recordsOf(() => total);
    const queue = new GradingQueueService(records);
    expect((await queue.find(instructor, query)).total).toBe(30_000);
    total = 30_001;
    jest.setSystemTime(new Date('2026-12-07T10:00:14Z'));
    expect((await queue.find(instructor, query)).total).toBe(30_000);
    expect((await queue.find(instructor, { ...query, late: 'late' as const })).total).toBe(30_001);
    jest.setSystemTime(new Date('2026-12-07T10:00:16Z'));
    expect((await queue.find(instructor, query)).total).toBe(30_001);
    expect(asked).toEqual([true, false, true, true]);
  });
});
