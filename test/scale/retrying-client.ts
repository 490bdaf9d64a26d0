/** One sending of a request: when it left, when it ended, and the status or the network error it ended with. */
export interface Try {
  startedAt: number;
  endedAt: number;
  outcome: number | string;
}

/** A request as the client made it, with every try it took. */
export interface Sent {
  label: string;
  tries: Try[];
  status: number;
  body: unknown;
}

/** Statuses the balancer answers for a request it could not get answered: the server died under it, or none was up. */
const LOST = new Set([502, 503, 504]);
const MAX_TRIES = 8;
const PAUSE_MS = 250;

/**
 * An API client as a well-behaved integration writes one: a request that got no answer from the platform (the
 * connection broke, or the balancer said 502/503/504) is sent again after a pause. Every try is kept, so a test
 * can check that only the requests in flight when a process was killed needed a second one.
 */
export class RetryingClient {
  readonly sent: Sent[] = [];

  constructor(private readonly baseUrl: string) {}

  async call(label: string, method: string, path: string, token: string, body?: unknown): Promise<Sent> {
    const sent: Sent = { label, tries: [], status: 0, body: undefined };
    this.sent.push(sent);
    for (;;) {
      const startedAt = Date.now();
      try {
        const res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        sent.tries.push({ startedAt, endedAt: Date.now(), outcome: res.status });
        if (!LOST.has(res.status) || sent.tries.length >= MAX_TRIES) {
          sent.status = res.status;
          sent.body = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
          return sent;
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        sent.tries.push({ startedAt, endedAt: Date.now(), outcome: cause?.code ?? (error as Error).message });
        if (sent.tries.length >= MAX_TRIES) throw error;
      }
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
  }

  /** The requests that needed more than one try. */
  retried(): Sent[] {
    return this.sent.filter((s) => s.tries.length > 1);
  }
}

/** Runs `fn` over the items with at most `concurrency` at a time, in order of the items. */
export async function inParallel<T, R>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}
