import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { eventually } from './eventually';
import { freePort } from './redis-server';

/** The repository, from test/support/ or from the benchmarks' compiled copy of it (dist-bench/test/support/). */
const ROOT = join(__dirname, ...(__dirname.split(sep).includes('dist-bench') ? ['..', '..', '..'] : ['..', '..']));
/** The balancer's configuration as the repository ships it (docker-compose.yml's proxy runs it). */
export const HAPROXY_CONFIG = join(ROOT, 'deploy', 'haproxy.cfg');

export interface Backend {
  name: string;
  port: number;
}

export interface LoadBalancer {
  url: string;
  /** HAProxy's process id. */
  pid: number;
  /** Each server's state as HAProxy sees it: UP, DOWN, MAINT, or a transition such as "UP 1/2". */
  states(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** Fails at once, naming the Debian package, when HAProxy is not installed. */
export function requireHaproxy(): void {
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('haproxy is not installed (Debian: apt-get install haproxy)');
  }
}

/**
 * The shipped configuration with its servers replaced by `backends` on this machine: everything else (timeouts,
 * retries, the health check on /health/ready and how fast a dead server is taken out) is what production runs.
 */
export async function configFor(backends: Backend[], statsSocket: string): Promise<string> {
  const shipped = await readFile(HAPROXY_CONFIG, 'utf8');
  const templates = shipped.match(/^\s*server-template .*$/gm) ?? [];
  if (templates.length !== 1) throw new Error(`${HAPROXY_CONFIG} should have one server-template line, has ${templates.length}`);
  const servers = backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port}`).join('\n');
  return `${shipped.replace(templates[0], servers)}\nglobal\n  stats socket ${statsSocket} mode 600 level admin\n`;
}

function ask(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(socketPath, () => socket.end(`${command}\n`));
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.once('end', () => resolve(answer));
    socket.once('error', reject);
  });
}

/**
 * HAProxy in front of the given web processes, on a free port of its own, from the repository's configuration; what
 * it logs (servers going down and up) is kept in `logFile` when given.
 */
export async function startLoadBalancer(backends: Backend[], logFile?: string): Promise<LoadBalancer> {
  requireHaproxy();
  const dir = await mkdtemp(join(tmpdir(), 'kursors-haproxy-'));
  const socketPath = join(dir, 'admin.sock');
  const configPath = join(dir, 'haproxy.cfg');
  await writeFile(configPath, await configFor(backends, socketPath));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn('haproxy', ['-db', '-f', configPath], {
    env: { ...process.env, KURSORS_LB_BIND: `127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = logFile ? createWriteStream(logFile) : undefined;
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log?.write(chunk);
    });
  child.once('exit', () => log?.end());
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const states = async () => {
    const csv = await ask(socketPath, 'show stat');
    const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
    const columns = header.split(',');
    const at = (name: string) => columns.indexOf(name);
    return Object.fromEntries(
      rows
        .map((row) => row.split(','))
        .filter((cells) => cells[at('pxname')] === 'kursors_web' && !['FRONTEND', 'BACKEND'].includes(cells[at('svname')]))
        .map((cells) => [cells[at('svname')], cells[at('status')]]),
    );
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${output}`);
        return (await fetch(`${url}/lb-health`).catch(() => null))?.ok;
      },
      15_000,
      'HAProxy to answer',
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, states, stop };
}
