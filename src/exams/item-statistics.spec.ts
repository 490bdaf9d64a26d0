import { correlation, itemStatistics, scoreDistribution } from './item-statistics';

const attempt = (fractions: Record<string, number>, points: Record<string, number>) => ({
  fractions: new Map(Object.entries(fractions)),
  total: Object.entries(fractions).reduce((sum, [id, f]) => sum + f * points[id], 0),
});

describe('question statistics', () => {
  const points = { easy: 1, sharp: 1, blunt: 1, other: 4 };
  const weights = new Map(Object.entries(points));
  // Strong trainees score high on "other"; "sharp" follows them, "blunt" goes against them, "easy" everyone gets.
  const attempts = [
    attempt({ easy: 1, sharp: 1, blunt: 0, other: 1 }, points),
    attempt({ easy: 1, sharp: 1, blunt: 0, other: 0.75 }, points),
    attempt({ easy: 1, sharp: 0, blunt: 1, other: 0.25 }, points),
    attempt({ easy: 1, sharp: 0, blunt: 1, other: 0 }, points),
  ];
  const stats = Object.fromEntries(itemStatistics(attempts, weights).map((s) => [s.questionId, s]));

  it('reports facility as the mean fraction earned', () => {
    expect(stats.easy.facility).toBe(1);
    expect(stats.sharp.facility).toBe(0.5);
    expect(stats.other.facility).toBe(0.5);
    expect(stats.sharp.attempts).toBe(4);
  });

  it('finds a question that separates strong from weak, and one that works backwards', () => {
    expect(stats.sharp.discrimination).toBeGreaterThan(0.8);
    expect(stats.blunt.discrimination).toBeLessThan(-0.8);
  });

  it('cannot tell the discrimination of a question everyone got right, or of too few attempts', () => {
    expect(stats.easy.discrimination).toBeNull();
    expect(itemStatistics(attempts.slice(0, 2), weights)[1].discrimination).toBeNull();
  });

  it('counts only the attempts that drew the question', () => {
    const some = [...attempts, attempt({ easy: 0 }, points)];
    const again = Object.fromEntries(itemStatistics(some, weights).map((s) => [s.questionId, s]));
    expect(again.easy).toMatchObject({ attempts: 5, facility: 0.8 });
    expect(again.sharp).toMatchObject({ attempts: 4, facility: 0.5 });
    expect(itemStatistics([], weights)[0]).toEqual({ questionId: 'easy', attempts: 0, facility: 0, discrimination: null });
  });

  it('correlates exactly', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 10);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe('score distribution', () => {
  it('puts each score in its band, the maximum in the last', () => {
    const bands = scoreDistribution([0, 4.9, 5, 19.99, 20, 13], 20, 4);
    expect(bands).toEqual([
      { from: 0, to: 5, count: 2 },
      { from: 5, to: 10, count: 1 },
      { from: 10, to: 15, count: 1 },
      { from: 15, to: 20, count: 2 },
    ]);
  });
});
