// The part of autocannon's API the benchmarks use.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      headers?: Record<string, string>;
      method?: string;
      body?: string;
    }
    interface Result {
      duration: number;
      requests: { total: number; average: number };
      non2xx: number;
      errors: number;
    }
    type Instance = EventEmitter;
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
