// The part of autocannon's API the benchmarks use.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    /** A request as autocannon builds it; `setupRequest` may change it before each sending. */
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      headers?: Record<string, string>;
      method?: string;
      body?: string;
      /** Sent in turn by each connection, from the first again after the last. */
      requests?: Request[];
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
