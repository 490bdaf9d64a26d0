import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger, PinoLogger } from 'nestjs-pino';
import { loggerParams } from './common/logging.module';
import { AppConfig } from './config/app-config';
import { preflight } from './preflight';
import { WorkerModule } from './worker.module';

/** The worker process: job processors and schedulers. Stops after finishing its active jobs. */
export async function startWorker() {
  // The logger exists before the context: queue workers start during its creation, and lines buffered until
  // then would lose the job ids their jobs bind to them.
  const params = loggerParams(new AppConfig());
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new Logger(new PinoLogger(params), params) });
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
