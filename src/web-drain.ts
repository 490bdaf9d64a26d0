import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';

export interface DrainOptions {
  /** The longest a request in flight is waited for before its connection is cut. */
  graceMs: number;
  /** Told when the drain starts and how it ended. */
  log: (message: string) => void;
  /** Runs after the web application has closed (the worker's context in the combined process). */
  after?: () => Promise<void>;
}

/**
 * On SIGTERM or SIGINT the web process stops listening at once (the load balancer's next connection is refused,
 * so it goes to another process), answers the requests in flight with `Connection: close` so no keep-alive
 * connection brings more, waits for them up to `graceMs`, then closes the application (its database pools and
 * Redis connections) and exits with 0.
 */
export function drainOnSignals(app: INestApplication, options: DrainOptions): void {
  const server = app.getHttpServer() as Server;
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  // One listener shared by every response (a `close` is emitted once), rather than a closure made for each.
  function answered(this: ServerResponse): void {
    inFlight.delete(this);
  }
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    res.on('close', answered);
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
  });

  const drain = async (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    options.log(`${signal}: no new connections; waiting for ${inFlight.size} request(s) in flight`);
    server.close();
    server.closeIdleConnections();
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    const deadline = Date.now() + options.graceMs;
    while (inFlight.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    const cut = inFlight.size;
    server.closeAllConnections();
    await app.close();
    await options.after?.();
    options.log(cut ? `stopped; ${cut} request(s) were cut off after ${options.graceMs} ms` : 'stopped; every request was answered');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (s: NodeJS.Signals) => void drain(s));
}
