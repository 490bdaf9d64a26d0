import 'reflect-metadata';
import { preflight } from './preflight';
import { createWebApp } from './web-app';
import { startWorker } from './worker';

/** Web and worker in one process, for the quick start and small installations. */
async function main(): Promise<void> {
  const env = await preflight({ migrate: true });
  await startWorker();
  const app = await createWebApp();
  await app.listen(env.PORT);
  process.stdout.write(`Kursors is running at ${env.PUBLIC_URL} (web and worker)\n`);
}

void main();
