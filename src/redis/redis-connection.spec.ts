import { reconnectDelay } from './redis-connection';

describe('reconnecting', () => {
  it('doubles the wait from 100 ms up to 5 s, with at most a fifth more at random', () => {
    for (const [attempt, base] of [
      [1, 100],
      [2, 200],
      [4, 800],
      [7, 5000],
      [50, 5000],
    ]) {
      const delay = reconnectDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(base);
      expect(delay).toBeLessThanOrEqual(base * 1.2);
    }
  });
});
