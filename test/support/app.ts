import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configureWebApp } from '../../src/web-app';
import { WebModule } from '../../src/web.module';
import { WorkerModule } from '../../src/worker.module';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  agent: () => ReturnType<typeof request.agent>;
  close: () => Promise<void>;
}

/** The real web process (real PostgreSQL, Redis), served on an ephemeral port. */
export async function startWebApp(): Promise<TestApp> {
  const app = await NestFactory.create<NestExpressApplication>(WebModule, { logger: false, bufferLogs: false });
  await configureWebApp(app);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    dataSource: app.get(DataSource),
    http: () => request(server),
    agent: () => request.agent(server),
    close: () => app.close(),
  };
}

/** The real worker process: queue processors and schedulers. */
export async function startWorker(): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  return worker;
}
