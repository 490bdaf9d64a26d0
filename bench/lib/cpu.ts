import { readFileSync } from 'node:fs';
import { Client } from 'pg';

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

/** The PostgreSQL backends connected to a database, except the one asking. */
export async function backendPids(databaseUrl: string): Promise<number[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}
