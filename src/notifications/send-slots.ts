/**
 * The emails one worker may have taken for sending at once: a crash can leave no more than these `sending`, to be
 * sent once more with the same Message-ID. Slots go to those waiting in the order they asked.
 */
export class SendSlots {
  private free: number;
  private readonly waiting: { wanted: number; grant: (count: number) => void }[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  /** Waits until at least one slot is free, then takes up to `wanted` of them; resolves with how many it took. */
  take(wanted: number): Promise<number> {
    if (wanted < 1) return Promise.resolve(0);
    if (this.free > 0 && !this.waiting.length) return Promise.resolve(this.grant(wanted));
    return new Promise((grant) => this.waiting.push({ wanted, grant }));
  }

  /** Takes up to `wanted` slots that are free now; returns how many. */
  takeFree(wanted: number): number {
    return wanted > 0 ? this.grant(wanted) : 0;
  }

  /** Gives back slots taken earlier. */
  give(count: number): void {
    this.free += count;
    while (this.free > 0 && this.waiting.length) {
      const next = this.waiting.shift()!;
      next.grant(this.grant(next.wanted));
    }
  }

  private grant(wanted: number): number {
    const count = Math.min(wanted, this.free);
    this.free -= count;
    return count;
  }
}
