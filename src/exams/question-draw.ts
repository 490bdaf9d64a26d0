import { createHash } from 'node:crypto';

/** Which questions an exam asks: a fixed list, or N drawn at random from each category. */
export type QuestionSelection =
  { kind: 'fixed'; questionIds: string[] } | { kind: 'random'; categories: { categoryId: string; count: number }[] };

export class NotEnoughQuestionsError extends Error {
  constructor(
    readonly categoryId: string,
    readonly wanted: number,
    readonly available: number,
  ) {
    super(`Category ${categoryId} has ${available} questions, ${wanted} wanted`);
  }
}

/**
 * The questions of one attempt, in the order the trainee sees them. It is drawn once, when the attempt starts,
 * and stored on it; a reload shows the same questions in the same order.
 */
export function drawQuestions(
  selection: QuestionSelection,
  questionsByCategory: ReadonlyMap<string, readonly string[]>,
  options: { shuffle: boolean; random: () => number },
): string[] {
  const drawn =
    selection.kind === 'fixed'
      ? [...selection.questionIds]
      : selection.categories.flatMap(({ categoryId, count }) => {
          const pool = questionsByCategory.get(categoryId) ?? [];
          if (pool.length < count) throw new NotEnoughQuestionsError(categoryId, count, pool.length);
          return shuffled(pool, options.random).slice(0, count);
        });
  return options.shuffle ? shuffled(drawn, options.random) : drawn;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * A repeatable source of numbers in [0, 1) from a seed (mulberry32 over the seed's SHA-256), so an attempt's
 * choice order can be made again from its id rather than stored per question.
 */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
