import { connect, createServer, type Socket } from 'node:net';
import { freePort } from './processes';

/** A TCP hop between a process and PostgreSQL that counts the SQL statements the process sends. */
export interface SqlCounter {
  /** The database URL to give the process: the same database, reached through the counter. */
  url: string;
  /** Statements sent since the counter started. */
  statements(): number;
  /** The text of each statement sent since the counter started, in order, when started with `record`. */
  texts(): string[];
  stop(): Promise<void>;
}

// Sent before the startup message instead of it; the real startup message follows.
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

const cString = (buffer: Buffer, from: number): [string, number] => {
  const end = buffer.indexOf(0, from);
  return [buffer.toString('utf8', from, end), end + 1];
};

/**
 * Reads the client's side of the PostgreSQL wire protocol: after the untyped startup message, every message is
 * a type byte and a length. A simple Query ('Q') or an Execute ('E') of the extended protocol is one statement.
 * Its text is that of the Query, or of the statement Parsed ('P') under the name the Bind ('B') of the executed
 * portal gave; a prepared statement parsed once per connection is still named on each execution.
 */
function messageReader(onStatement: (text: string) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  const parsed = new Map<string, string>();
  const bound = new Map<string, string>();
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        const code = pending.readInt32BE(4);
        started = code !== SSL_REQUEST && code !== GSSENC_REQUEST;
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      const type = pending[0];
      const body = pending.subarray(5, 1 + length);
      if (type === 0x50 /* P */) {
        const [name, next] = cString(body, 0);
        parsed.set(name, cString(body, next)[0]);
      } else if (type === 0x42 /* B */) {
        const [portal, next] = cString(body, 0);
        bound.set(portal, cString(body, next)[0]);
      } else if (type === 0x51 /* Q */) {
        onStatement(cString(body, 0)[0]);
      } else if (type === 0x45 /* E */) {
        onStatement(parsed.get(bound.get(cString(body, 0)[0]) ?? '') ?? '');
      }
      pending = pending.subarray(1 + length);
    }
  };
}

/**
 * Counts exactly what a process asks of the database, as it happens. pg_stat_database cannot: PostgreSQL
 * publishes a backend's counters when it ends, and a connection pool keeps its backends for the whole run.
 */
export async function startSqlCounter(databaseUrl: string, { record = false } = {}): Promise<SqlCounter> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let statements = 0;
  const texts: string[] = [];
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const read = messageReader((text) => {
      statements += 1;
      if (record) texts.push(text);
    });
    client.on('data', (chunk: Buffer) => {
      read(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    statements: () => statements,
    texts: () => [...texts],
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
