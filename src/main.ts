import 'reflect-metadata';
import { preflight } from './preflight';
import { createWebApp } from './web-app';
import { drainOnSignals } from './web-drain';

/** The web process: pages and the JSON API. */
async function main(): Promise<void> {
  const env = await preflight({ migrate: true });
  const app = await createWebApp();
  drainOnSignals(app, { graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000, log: (message) => process.stdout.write(`Kursors web: ${message}\n`) });
  await app.listen(env.PORT);
  process.stdout.write(`Kursors web listening on ${env.PUBLIC_URL} (port ${env.PORT})\n`);
}

void main();
