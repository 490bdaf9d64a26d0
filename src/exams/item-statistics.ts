/** One closed attempt as statistics read it: the fraction earned on each question it drew, and its total. */
export interface AttemptScores {
  total: number;
  /** Question id → fraction earned (0..1). */
  fractions: ReadonlyMap<string, number>;
}

export interface ItemStatistics {
  questionId: string;
  attempts: number;
  /** The mean fraction earned: 1 means everyone got it right. */
  facility: number;
  /**
   * How well the question separates strong trainees from weak ones: the correlation between its score and the
   * score on the rest of the exam. Null when it cannot be told (fewer than three attempts, or no spread).
   */
  discrimination: number | null;
}

/**
 * Facility and discrimination per question, as quiz statistics report them. Discrimination correlates a
 * question with the rest of the exam, not with the total, so a question does not correlate with itself.
 */
export function itemStatistics(attempts: readonly AttemptScores[], questionPoints: ReadonlyMap<string, number>): ItemStatistics[] {
  return [...questionPoints.keys()].map((questionId) => {
    const points = questionPoints.get(questionId) ?? 0;
    const drew = attempts.filter((a) => a.fractions.has(questionId));
    const own = drew.map((a) => a.fractions.get(questionId) ?? 0);
    const rest = drew.map((a, i) => a.total - own[i] * points);
    return {
      questionId,
      attempts: drew.length,
      facility: drew.length ? mean(own) : 0,
      discrimination: drew.length >= 3 ? correlation(own, rest) : null,
    };
  });
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Pearson's correlation, null when either side does not vary. */
export function correlation(xs: number[], ys: number[]): number | null {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Scores grouped into bands of `width` points from 0 to `max`, for the distribution chart. */
export function scoreDistribution(scores: readonly number[], max: number, bands = 10): { from: number; to: number; count: number }[] {
  const width = max / bands;
  const result = Array.from({ length: bands }, (_, i) => ({ from: round(i * width), to: round((i + 1) * width), count: 0 }));
  for (const score of scores) {
    const index = Math.min(bands - 1, Math.max(0, Math.floor(score / width)));
    result[index].count++;
  }
  return result;
}

const round = (value: number) => Math.round(value * 100) / 100;
