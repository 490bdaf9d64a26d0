import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { preflight } from './preflight';
import { WorkerModule } from './worker.module';

/** The worker process: job processors and schedulers. Stops after finishing its active jobs. */
export async function startWorker() {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  return app;
}

if (require.main === module) {
  void preflight({ migrate: true }).then(async () => {
    await startWorker();
    process.stdout.write('Kursors worker started\n');
  });
}
