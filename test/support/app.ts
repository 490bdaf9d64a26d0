import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configureWebApp } from '../../src/web-app';
import { WebModule } from '../../src/web.module';
import { WorkerModule } from '../../src/worker.module';
import { startSmtp, type TestSmtp } from './smtp';

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

export interface MailingApps {
  smtp: TestSmtp;
  t: TestApp;
  worker: INestApplicationContext;
  /** Stops the worker, the web app and the SMTP server, and unsets what `env` set. */
  close: () => Promise<void>;
}

/** The web app and a worker sending to an SMTP server of the test's own, with `env` set while they run. */
export async function startMailingApps(env: Record<string, string> = {}): Promise<MailingApps> {
  const smtp = await startSmtp();
  const settings = { ...env, SMTP_URL: smtp.url };
  Object.assign(process.env, settings);
  const t = await startWebApp();
  const worker = await startWorker();
  return {
    smtp,
    t,
    worker,
    async close() {
      await worker.close();
      await t.close();
      await smtp.close();
      for (const name of Object.keys(settings)) delete process.env[name];
    },
  };
}
