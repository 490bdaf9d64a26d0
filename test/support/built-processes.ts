import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eventually } from './eventually';

const ROOT = join(__dirname, '..', '..');

/** A web or worker process of the built application (`dist/`), as it runs in production. */
export interface BuiltProcess {
  name: string;
  pid: number;
  /** Whether the process has ended, however it ended. */
  readonly ended: boolean;
  /** Sends the signal and resolves when the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** What the process has written so far (standard output and error). */
  output(): string;
}

export interface BuiltProcessOptions {
  name: string;
  env: NodeJS.ProcessEnv;
  /** Where its output is kept as `<name>.log` besides memory. */
  logDir: string;
  /** How long it may take to be ready. */
  timeoutMs?: number;
}

/** Fails at once, with what to do, when the application has not been built. */
export function requireBuiltApp(): void {
  for (const file of ['dist/main.js', 'dist/worker.js'])
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
}

async function spawnBuilt(script: string, options: BuiltProcessOptions): Promise<{ child: ChildProcess; handle: BuiltProcess }> {
  await mkdir(options.logDir, { recursive: true });
  const log = createWriteStream(join(options.logDir, `${options.name}.log`));
  const child = spawn(process.execPath, [join(ROOT, 'dist', script)], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-200_000);
    log.write(chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      log.end();
      resolve();
    }),
  );
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const handle: BuiltProcess = {
    name: options.name,
    pid: child.pid!,
    get ended() {
      return ended();
    },
    async stop(signal = 'SIGTERM') {
      if (!ended()) child.kill(signal);
      await exited;
    },
    output: () => text,
  };
  return { child, handle };
}

async function whenReady(handle: BuiltProcess, ready: () => Promise<boolean>, timeoutMs: number): Promise<BuiltProcess> {
  try {
    await eventually(
      async () => {
        if (handle.ended) throw new Error(`${handle.name} ended before it was ready:\n${handle.output().slice(-4000)}`);
        return ready();
      },
      timeoutMs,
      `${handle.name} to be ready`,
    );
    return handle;
  } catch (error) {
    await handle.stop('SIGKILL');
    throw error;
  }
}

/** `dist/main.js` on `port`, ready once its `/health/ready` answers 200. */
export async function startBuiltWeb(port: number, options: BuiltProcessOptions): Promise<BuiltProcess> {
  const { handle } = await spawnBuilt('main.js', { ...options, env: { ...options.env, PORT: String(port) } });
  const probe = async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status === 200;
  return whenReady(handle, probe, options.timeoutMs ?? 120_000);
}

/** `dist/worker.js`, ready once it says it has started (its processors and schedulers run). */
export async function startBuiltWorker(options: BuiltProcessOptions): Promise<BuiltProcess> {
  const { handle } = await spawnBuilt('worker.js', options);
  return whenReady(handle, async () => handle.output().includes('Kursors worker started'), options.timeoutMs ?? 120_000);
}
