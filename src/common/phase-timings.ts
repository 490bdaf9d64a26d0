/**
 * Where the time of a long piece of work goes: milliseconds summed per named phase, for its closing log line and
 * the benchmarks. Phases may nest (a transaction and the rendering inside it); each counts its own wall time.
 */
export class PhaseTimings {
  private readonly totals = new Map<string, number>();

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  add(phase: string, ms: number): void {
    this.totals.set(phase, (this.totals.get(phase) ?? 0) + ms);
  }

  /** Whole milliseconds per phase, in the order the phases first ran. */
  summary(): Record<string, number> {
    return Object.fromEntries([...this.totals].map(([phase, ms]) => [phase, Math.round(ms)]));
  }
}
