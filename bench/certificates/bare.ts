import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../lib/processes';

/** What bench/certificates/bare-render.js prints: the bare render loop's rate, CPU per PDF and the PDF's size. */
export interface BareRun {
  rendersPerSecond: number;
  processes: number;
  count: number;
  seconds: number;
  bytes: number;
  cpuMsPerRender: number;
  sealed: boolean;
}

const execFileAsync = promisify(execFile);

/** Runs the bare render loop with the given arguments (see bare-render.js) and returns what it measured. */
export async function runBareRender(args: string[]): Promise<BareRun> {
  const { stdout } = await execFileAsync(process.execPath, [join(ROOT, 'bench', 'certificates', 'bare-render.js'), ...args], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as BareRun;
}
