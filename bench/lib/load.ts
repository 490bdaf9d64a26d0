import autocannon from 'autocannon';
import { percentile, round } from './stats';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST' | 'PUT';
  body?: string;
  /** Requests made afresh before each sending (a different caller, path or body each time), in place of one fixed request. */
  requests?: autocannon.Request[];
}

/** Drives a URL with autocannon and keeps every response time, so p95 is exact rather than interpolated. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  // autocannon spreads these over its defaults, so a key present but undefined (no method) breaks it.
  const optional = Object.fromEntries(
    Object.entries({ headers: options.headers, method: options.method, body: options.body, requests: options.requests }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const instance = autocannon({ url, connections: options.connections, duration: options.durationSeconds, ...optional });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await new Promise<autocannon.Result>((resolve, reject) => instance.once('done', resolve).once('error', reject));
  return {
    requestsPerSecond: round(result.requests.total / result.duration),
    p50Ms: round(percentile(latencies, 50), 2),
    p95Ms: round(percentile(latencies, 95), 2),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** A short run to warm caches and JIT before the measured one. */
export async function warmUp(url: string, headers?: Record<string, string>, requests?: autocannon.Request[]): Promise<void> {
  await load(url, { connections: 10, durationSeconds: 2, headers, requests });
}
