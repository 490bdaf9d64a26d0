import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { Enrolment } from '../src/cohorts/enrolment.entity';
import { eventually } from './support/eventually';
import { createAdmin, createApiToken, createTrainee } from './support/factories';
import { freePort } from './support/redis-server';
import { createCohort, createPart, createProgramme } from './support/schedule-factories';

const ROOT = join(__dirname, '..');

function rawRequest(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function responseOf(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('close', () => resolve(text));
  });
}

/** A web process told to stop (SIGTERM) while a request is on its way: the process of `src/main.ts` itself. */
describe('a web process stopping', () => {
  let dataSource: DataSource;
  let web: ChildProcess;
  let port: number;
  const output: string[] = [];

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL! })).initialize();
    port = await freePort();
    web = spawn(process.execPath, ['-r', './test/support/swc-register.js', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), DATABASE_MIGRATE_ON_START: 'false', SHUTDOWN_GRACE_SECONDS: '20' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    web.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    web.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok,
      90_000,
      'the web process to be ready',
    );
  }, 120_000);
  afterAll(async () => {
    if (web.exitCode === null && web.signalCode === null) web.kill('SIGKILL');
    await dataSource.destroy();
  });

  it('answers the request in flight, refuses new connections, and exits with 0', async () => {
    const admin = await createAdmin(dataSource);
    const { secret } = await createApiToken(dataSource, admin);
    const cohort = await createCohort(dataSource, await createPart(dataSource, await createProgramme(dataSource)), { capacity: 5 });
    const trainee = await createTrainee(dataSource);
    const body = JSON.stringify({ userId: trainee.id });

    // The request's headers and half its body are in; the rest comes after the signal.
    const slow = await rawRequest(port);
    const answer = responseOf(slow);
    slow.write(
      `POST /api/v1/cohorts/${cohort.id}/enrolments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${secret}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => web.once('exit', (code) => resolve(code)));
    web.kill('SIGTERM');

    await eventually(() => output.join('').includes('no new connections'), 20_000, 'the process to start draining');
    await expect(rawRequest(port)).rejects.toThrow(/ECONNREFUSED/);

    slow.write(body.slice(10));
    const response = await answer;
    expect(response).toMatch(/^HTTP\/1\.1 201 /);
    expect(response).toMatch(/\r\nConnection: close\r\n/i);
    expect(await dataSource.getRepository(Enrolment).countBy({ cohortId: cohort.id, userId: trainee.id })).toBe(1);

    expect(await exited).toBe(0);
    expect(output.join('')).toContain('every request was answered');
  });
});
