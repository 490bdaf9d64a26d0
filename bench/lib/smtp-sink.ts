import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ignoreSenderResets } from '../../test/support/smtp';

/**
 * An SMTP server that accepts every message and keeps only what a benchmark counts: each message's Message-ID and
 * when it arrived. Nothing is parsed beyond the header, so the sink costs little of the machine the senders share.
 */
export interface SmtpSink {
  url: string;
  /** Messages accepted since the last reset. */
  readonly count: number;
  /** Copies of each Message-ID since the last reset. */
  readonly copies: Map<string, number>;
  /** When the first and the last message since the last reset arrived (ms since the epoch). */
  readonly firstAt: number;
  readonly lastAt: number;
  reset(): void;
  /** Resolves when `count` messages have arrived since the last reset, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

export async function startSmtpSink(): Promise<SmtpSink> {
  let count = 0;
  let firstAt = 0;
  let lastAt = 0;
  let copies = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled senders keep their connections open; one per delivery slot of every worker.
    maxClients: 200,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (!head.includes('\r\n\r\n')) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = MESSAGE_ID.exec(head.slice(0, head.indexOf('\r\n\r\n') + 1 || undefined))?.[1] ?? '(none)';
        copies.set(id, (copies.get(id) ?? 0) + 1);
        count += 1;
        lastAt = Date.now();
        if (count === 1) firstAt = lastAt;
        callback();
      });
    },
  });
  ignoreSenderResets(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    get copies() {
      return copies;
    },
    get firstAt() {
      return firstAt;
    },
    get lastAt() {
      return lastAt;
    },
    reset() {
      count = 0;
      firstAt = 0;
      lastAt = 0;
      copies = new Map();
    },
    async waitFor(wanted, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (count < wanted) {
        if (Date.now() > deadline) throw new Error(`${count} of ${wanted} emails arrived within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
