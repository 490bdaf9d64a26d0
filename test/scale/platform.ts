import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { requireBuiltApp, startBuiltWeb, startBuiltWorker, type BuiltProcess } from '../support/built-processes';
import { requireHaproxy, startLoadBalancer, type LoadBalancer } from '../support/load-balancer';
import { startPrivateRedisCluster, type PrivateRedisCluster } from '../support/redis-cluster';
import { freePort } from '../support/redis-server';
import { startSmtp, type TestSmtp } from '../support/smtp';

export const LOG_DIR = join(__dirname, '..', '..', 'artifacts', 'scale');

/** Everything the scale test runs: each process and service is its own, on ports of its own. */
export interface Platform {
  lb: LoadBalancer;
  webs: BuiltProcess[];
  workers: BuiltProcess[];
  smtp: TestSmtp;
  cluster: PrivateRedisCluster;
  dataSource: DataSource;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The scale test's own database (`<TEST_DATABASE_URL>_scale`), made afresh; the processes migrate it as they start. */
async function freshDatabase(): Promise<string> {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kursors_test');
  const name = `${url.pathname.slice(1)}_scale`;
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** The production settings of every process, with the scans and the grace shortened so the test runs in minutes. */
function platformEnv(databaseUrl: string, redisUrl: string, smtpUrl: string, uploadDir: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'https://kursors.test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '6',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: 'kursors',
    SMTP_URL: smtpUrl,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    TRUST_PROXY: 'true',
    UPLOAD_DIR: uploadDir,
    SHUTDOWN_GRACE_SECONDS: '5',
    OUTBOX_SWEEP_SECONDS: '2',
    EMAIL_BACKOFF_MS: '500',
    EXAM_GRACE_SECONDS: '2',
    EXAM_SWEEP_SECONDS: '2',
    TZ: 'Europe/Riga',
  };
}

/**
 * A Redis Cluster of three masters, PostgreSQL's database of its own, an SMTP sink, two built web processes behind
 * HAProxy (the repository's configuration) and two built workers, all started side by side. `smtpDelayMs` slows
 * the sink so a process killed mid-run finds emails being handed over.
 */
export async function startPlatform(smtpDelayMs: number): Promise<Platform> {
  requireBuiltApp();
  requireHaproxy();
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    const smtp = await startSmtp({ delayMs: smtpDelayMs });
    stops.push(() => smtp.close());
    const cluster = await startPrivateRedisCluster(3);
    stops.push(() => cluster.stop());
    const databaseUrl = await freshDatabase();
    const uploadDir = await mkdtemp(join(tmpdir(), 'kursors-scale-uploads-'));
    stops.push(() => rm(uploadDir, { recursive: true, force: true }));
    const env = platformEnv(databaseUrl, cluster.url, smtp.url, uploadDir);

    const ports = [await freePort(), await freePort()];
    const started: BuiltProcess[] = [];
    stops.push(() => Promise.all(started.map((p) => p.stop('SIGKILL'))));
    const track = async (process: Promise<BuiltProcess>) => {
      const handle = await process;
      started.push(handle);
      return handle;
    };
    // All four at once, as a deployment starts them: their migrations take turns under the advisory lock.
    const [webs, workers] = await Promise.all([
      Promise.all(ports.map((port, i) => track(startBuiltWeb(port, { name: `web-${i + 1}`, env, logDir: LOG_DIR })))),
      Promise.all([1, 2].map((i) => track(startBuiltWorker({ name: `worker-${i}`, env, logDir: LOG_DIR })))),
    ]);
    const lb = await startLoadBalancer(
      webs.map((web, i) => ({ name: web.name, port: ports[i] })),
      join(LOG_DIR, 'haproxy.log'),
    );
    stops.push(() => lb.stop());
    const dataSource = await new DataSource(dataSourceOptions({ DATABASE_URL: databaseUrl })).initialize();
    stops.push(() => dataSource.destroy());
    return { lb, webs, workers, smtp, cluster, dataSource, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
