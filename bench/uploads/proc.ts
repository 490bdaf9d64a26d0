import { readFileSync } from 'node:fs';

const MiB = 1024 * 1024;
// utime and stime in /proc/<pid>/stat are in clock ticks: 100 a second on Linux.
const TICKS_PER_SECOND = 100;

/** A process's resident set size in MiB, from Linux's /proc/<pid>/status (VmRSS, in kB). */
export function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`/proc/${pid}/status shows no VmRSS`);
  return (Number(match[1]) * 1024) / MiB;
}

/** CPU seconds a process has used so far, in user space and in the kernel on its behalf (its threads included). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis, from field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export interface RssSampler {
  /** The largest reading so far, in MiB. */
  peakMiB(): number;
  samples(): number;
  stop(): void;
}

/** Reads the process's RSS every `everyMs` from now on; each reading is one small synchronous file read. */
export function sampleRss(pid: number, everyMs: number): RssSampler {
  let peak = rssMiB(pid);
  let count = 1;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
    count += 1;
  }, everyMs);
  return { peakMiB: () => peak, samples: () => count, stop: () => clearInterval(timer) };
}
