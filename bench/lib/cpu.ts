import { readdirSync, readFileSync } from 'node:fs';

// Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on.
const TICK_MS = 10;

/**
 * CPU time (user + system) the processes have used so far, in milliseconds, from /proc; processes that have
 * gone count nothing. Undefined when none can be read (not Linux, or PostgreSQL on another machine).
 *
 * CPU per request is the figure a busy machine disturbs least: other work there slows a request down but
 * does not make it cost more cycles (much).
 */
export function cpuMs(pids: number[]): number | undefined {
  let ticks = 0;
  let read = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime: fields 14 and 15 of proc(5)
      read += 1;
    } catch {
      // ended, or not on this machine
    }
  }
  return read ? ticks * TICK_MS : undefined;
}

/**
 * CPU time (user + system) of every PostgreSQL process on this machine so far, in milliseconds, including the
 * backends that have ended (their time is added to the postmaster's children's time when it reaps them): a pool
 * that closes an idle connection and opens another mid-run loses nothing. Undefined when PostgreSQL does not run
 * here. Everything the server does in the meantime counts, so read it on an otherwise quiet database server.
 */
export function postgresCpuMs(): number | undefined {
  let ticks = 0;
  let found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime: fields 14 to 17 of proc(5)
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      found = true;
    } catch {
      // ended while we looked
    }
  }
  return found ? ticks * TICK_MS : undefined;
}
