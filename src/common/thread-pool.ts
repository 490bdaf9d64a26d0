import { parentPort, Worker } from 'node:worker_threads';

/** What a pool's thread answers for one task: its result, or why it failed. */
export type ThreadReply<O> = { id: number; ok: true; result: O } | { id: number; ok: false; error: ThreadError };

/** A failure inside a thread, as plain data (an Error does not cross threads with its class). */
export interface ThreadError {
  message: string;
  stack?: string;
  /** What the thread's code says about the failure, for the caller to turn back into its own error. */
  detail?: Record<string, unknown>;
}

/** A task's failure inside a thread. */
export class ThreadTaskError extends Error {
  constructor(readonly thrown: ThreadError) {
    super(thrown.message);
    this.stack = thrown.stack ?? this.stack;
  }
}

interface Task<I, O> {
  id: number;
  input: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

interface Slot<I, O> {
  worker: Worker;
  running: Map<number, Task<I, O>>;
}

/**
 * When the pool runs from TypeScript sources (the tests), a thread compiles its module with @swc/core as it loads,
 * as the test runner does; the built application (dist/) loads JavaScript only.
 */
const TYPESCRIPT_LOADER = `
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { transformSync } = require(workerData.swc);
const options = { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true },
  target: 'es2023' }, module: { type: 'commonjs' } };
require.extensions['.ts'] = (module, filename) =>
  module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
require(workerData.entry);
`;

/**
 * A fixed number of worker threads running one module (`entry`, which answers each `{ id, input }` message with a
 * ThreadReply), for CPU-bound work that would otherwise hold the event loop. Tasks go to the thread with the fewest
 * in hand; the threads start at the first task, hold the process open only while they have tasks, and a thread that
 * dies fails its tasks and is replaced at the next.
 */
export class ThreadPool<I, O> {
  private readonly slots: (Slot<I, O> | null)[];
  private nextId = 1;

  constructor(
    private readonly entry: string,
    size: number,
    private readonly workerData: Record<string, unknown> = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`A thread pool needs at least one thread, not ${size}`);
    this.slots = Array.from({ length: size }, () => null);
  }

  get size(): number {
    return this.slots.length;
  }

  run(input: I): Promise<O> {
    const index = this.leastBusy();
    const slot = this.slots[index] ?? this.start(index);
    return new Promise<O>((resolve, reject) => {
      const task: Task<I, O> = { id: this.nextId++, input, resolve, reject };
      slot.running.set(task.id, task);
      if (slot.running.size === 1) slot.worker.ref();
      slot.worker.postMessage({ id: task.id, input });
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0, this.slots.length, ...this.slots.map(() => null));
    await Promise.all(slots.map((slot) => slot?.worker.terminate()));
  }

  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.slots.length; i++) {
      if ((this.slots[i]?.running.size ?? 0) < (this.slots[best]?.running.size ?? 0)) best = i;
    }
    return best;
  }

  private start(index: number): Slot<I, O> {
    const fromSource = this.entry.endsWith('.ts');
    const worker = fromSource
      ? new Worker(TYPESCRIPT_LOADER, {
          eval: true,
          workerData: { ...this.workerData, entry: this.entry, swc: require.resolve('@swc/core') },
        })
      : new Worker(this.entry, { workerData: this.workerData });
    worker.unref();
    const slot: Slot<I, O> = { worker, running: new Map() };
    this.slots[index] = slot;
    worker.on('message', (reply: ThreadReply<O>) => {
      const task = slot.running.get(reply.id);
      if (!task) return;
      slot.running.delete(reply.id);
      if (!slot.running.size) worker.unref();
      if (reply.ok) task.resolve(reply.result);
      else task.reject(new ThreadTaskError(reply.error));
    });
    const fail = (error: Error) => {
      if (this.slots[index] === slot) this.slots[index] = null;
      for (const task of slot.running.values()) task.reject(error);
      slot.running.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A thread of ${this.entry} stopped (exit code ${code})`)));
    return slot;
  }
}

/**
 * In a pool's thread: answers each task with `handle`'s result, or with the error it threw (`detail` says what the
 * caller needs to turn it back into its own error).
 */
export function serveThreadTasks<I, O>(
  handle: (input: I) => Promise<O>,
  detail: (error: unknown) => Record<string, unknown> | undefined = () => undefined,
): void {
  if (!parentPort) throw new Error('serveThreadTasks runs only in a worker thread');
  const port = parentPort;
  port.on('message', ({ id, input }: { id: number; input: I }) => {
    handle(input).then(
      (result) => port.postMessage({ id, ok: true, result } satisfies ThreadReply<O>),
      (error: unknown) => {
        const thrown = error instanceof Error ? error : new Error(String(error));
        port.postMessage({
          id,
          ok: false,
          error: { message: thrown.message, stack: thrown.stack, detail: detail(error) },
        } satisfies ThreadReply<O>);
      },
    );
  });
}
