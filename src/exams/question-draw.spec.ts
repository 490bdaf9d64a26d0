import { NotEnoughQuestionsError, drawQuestions, seededRandom, shuffled } from './question-draw';

const pools = new Map([
  ['plan', ['p1', 'p2', 'p3', 'p4']],
  ['risk', ['r1', 'r2']],
]);

describe('drawing the questions of an attempt', () => {
  it('asks a fixed list in its order unless shuffled', () => {
    const fixed = { kind: 'fixed' as const, questionIds: ['a', 'b', 'c', 'd', 'e'] };
    expect(drawQuestions(fixed, pools, { shuffle: false, random: seededRandom('x') })).toEqual(['a', 'b', 'c', 'd', 'e']);
    const mixed = drawQuestions(fixed, pools, { shuffle: true, random: seededRandom('x') });
    expect([...mixed].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('draws N different questions from each category', () => {
    const selection = {
      kind: 'random' as const,
      categories: [
        { categoryId: 'plan', count: 2 },
        { categoryId: 'risk', count: 2 },
      ],
    };
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const drawn = drawQuestions(selection, pools, { shuffle: false, random: seededRandom(seed) });
      expect(drawn).toHaveLength(4);
      expect(new Set(drawn).size).toBe(4);
      expect(drawn.slice(0, 2).every((id) => id.startsWith('p'))).toBe(true);
      expect(drawn.slice(2).sort()).toEqual(['r1', 'r2']);
    }
  });

  it('draws the same for the same seed, and differently for others', () => {
    const selection = { kind: 'random' as const, categories: [{ categoryId: 'plan', count: 4 }] };
    const draw = (seed: string) => drawQuestions(selection, pools, { shuffle: true, random: seededRandom(seed) }).join();
    expect(draw('attempt-1')).toBe(draw('attempt-1'));
    const orders = new Set(['attempt-1', 'attempt-2', 'attempt-3', 'attempt-4', 'attempt-5', 'attempt-6'].map(draw));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('refuses to draw more than a category holds, naming it', () => {
    const selection = { kind: 'random' as const, categories: [{ categoryId: 'risk', count: 3 }] };
    expect(() => drawQuestions(selection, pools, { shuffle: false, random: Math.random })).toThrow(NotEnoughQuestionsError);
    expect(() =>
      drawQuestions({ kind: 'random', categories: [{ categoryId: 'none', count: 1 }] }, pools, { shuffle: false, random: Math.random }),
    ).toThrow(expect.objectContaining({ categoryId: 'none', wanted: 1, available: 0 }));
  });

  it('shuffles every order about equally often', () => {
    const random = seededRandom('fair');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const order = shuffled(['a', 'b', 'c'], random).join('');
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });

  it('gives numbers in [0, 1)', () => {
    const random = seededRandom('range');
    for (let i = 0; i < 1000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
