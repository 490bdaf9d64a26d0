import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface WorkerProcess {
  /** Kills the process at once (SIGKILL), as a crash or a pulled plug would. */
  kill(): Promise<void>;
}

/** The real worker in a child process of its own, with the test's settings plus `env`. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcess = fork(join(__dirname, 'run-worker.cjs'), [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker process did not start')), 60_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited with ${code}`)));
  });
  return {
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
