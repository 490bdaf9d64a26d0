import 'reflect-metadata';
import { preflight } from './preflight';
import { createWebApp } from './web-app';
import { startWorker } from './worker';
import { drainOnSignals } from './web-drain';

/** Web and worker in one process, for the quick start and small installations. */
async function main(): Promise<void> {
  const env = await preflight({ migrate: true });
  const worker = await startWorker();
  const app = await createWebApp();
  drainOnSignals(app, {
    graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    log: (message) => process.stdout.write(`Kursors: ${message}\n`),
    // The worker's own shutdown hooks finish its jobs on the same signal; closing it again is harmless.
    after: () => worker.close(),
  });
  await app.listen(env.PORT);
  process.stdout.write(`Kursors is running at ${env.PUBLIC_URL} (web and worker)\n`);
}

void main();
