import 'reflect-metadata';
import { preflight } from './preflight';
import { createWebApp } from './web-app';

/** The web process: pages and the JSON API. */
async function main(): Promise<void> {
  const env = await preflight({ migrate: true });
  const app = await createWebApp();
  await app.listen(env.PORT);
  process.stdout.write(`Kursors web listening on ${env.PUBLIC_URL} (port ${env.PORT})\n`);
}

void main();
