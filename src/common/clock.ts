import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The current time, injected wherever a rule depends on it (due dates, cut-offs), so tests can pin it
 * instead of faking timers. `set` is for tests only.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  /** Pins the clock to an instant; `null` lets it run again. */
  set(instant: Date | null): void {
    this.fixed = instant ? new Date(instant.getTime()) : null;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
