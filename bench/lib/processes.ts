import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

/**
 * The Node.js that runs the servers under test and their bare references (web, worker, baselines):
 * `BENCH_NODE=<path to node>`, e.g. the production runtime (Node 24, see the Dockerfile) where the machine has
 * an older one; the benchmark's own process stays on this one.
 */
export const SERVER_NODE = process.env.BENCH_NODE || process.execPath;

/** The version of SERVER_NODE, as `v24.1.0`. */
export function serverNodeVersion(): string {
  return SERVER_NODE === process.execPath ? process.version : execFileSync(SERVER_NODE, ['--version'], { encoding: 'utf8' }).trim();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Children still running when the benchmark process ends, however it ends (a crash included), end with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

/** Node's arguments before a built process's script: the profiler's preload when BENCH_CPU_PROFILE names a folder. */
function profiled(script: string): string[] {
  return process.env.BENCH_CPU_PROFILE ? ['--require', join(ROOT, 'bench', 'cpu-profile.js'), script] : [script];
}

function start(args: string[], env: NodeJS.ProcessEnv, readyPath: string, port: number): Promise<Child> {
  const child = spawn(SERVER_NODE, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      // Killed by a signal, a process has no exit code, only a signal code: either means it has gone.
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return waitFor(`${url}${readyPath}`, 60_000).then(
    () => ({ url, process: child, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/**
 * The bare Express hello-world every HTTP benchmark is compared with, in its own process like the app; or another
 * bare server of bench/ (one that answers GET / when ready), such as the stream-to-disk one of the uploads benchmark.
 */
export async function startBaseline(script = 'baseline-server.js', env: NodeJS.ProcessEnv = {}): Promise<Child> {
  return start([join(ROOT, 'bench', script)], env, '/', await freePort());
}

/** The built web process (`dist/main.js`) against the given database; profiled when BENCH_CPU_PROFILE names a folder. */
export async function startWeb(env: NodeJS.ProcessEnv): Promise<Child> {
  return start(
    profiled(join(ROOT, 'dist', 'main.js')),
    { LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    '/health/ready',
    await freePort(),
  );
}

/**
 * The built worker process (`dist/worker.js`: job processors and schedulers) against the given database and
 * Redis prefix, profiled like the web process. It serves no HTTP, so it is ready when it says it has started; `url`
 * is empty.
 */
export function startWorker(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Child> {
  const child = spawn(SERVER_NODE, profiled(join(ROOT, 'dist', 'worker.js')), {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise<Child>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`the worker did not start within ${timeoutMs} ms`)));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker ended before it started (exit code ${code})`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      said = (said + chunk.toString('utf8')).slice(-200);
      if (said.includes('Kursors worker started')) {
        clearTimeout(timer);
        resolve({ url: '', process: child, stop });
      }
    });
  });
}
