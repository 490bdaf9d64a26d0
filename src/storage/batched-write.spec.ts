import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { EARLY_FLUSH_BYTES, WRITE_BATCH_BYTES, writeMetered } from './batched-write';
import { ByteMeter } from './byte-meter';

const MiB = 1024 * 1024;

/**
 * A file that records what is done to it. Each flush stays running until the test lets it finish, so the test
 * can see what happens while one is under way.
 */
function recordingFile(options: { failFlush?: Error; finishAfterWrites?: number } = {}) {
  const events: string[] = [];
  const flushes: { finish(): void; writesSince: number }[] = [];
  let written = 0;
  let flushing = 0;
  const file = {
    async writev(buffers: Buffer[]) {
      const bytes = buffers.reduce((sum, b) => sum + b.length, 0);
      written += bytes;
      events.push(`write ${bytes}${flushing ? ' (while flushing)' : ''}`);
      for (const flush of [...flushes]) {
        if (options.finishAfterWrites !== undefined && (flush.writesSince += 1) >= options.finishAfterWrites) {
          flushes.splice(flushes.indexOf(flush), 1);
          flush.finish();
        }
      }
      return { bytesWritten: bytes, buffers };
    },
    datasync() {
      flushing += 1;
      events.push(`flush after ${written}`);
      return new Promise<void>((resolve, reject) => {
        flushes.push({
          writesSince: 0,
          finish: () => {
            flushing -= 1;
            events.push('flush done');
            if (options.failFlush) reject(options.failFlush);
            else resolve();
          },
        });
      });
    },
  };
  return { file: file as unknown as FileHandle, events, flushes, running: () => flushing };
}

/** `total` bytes in 64 KiB chunks; the flushes started so far are finished whenever the next chunk is read. */
function source(total: number, finishFlushes: () => void, fail?: Error): Readable {
  let sent = 0;
  return new Readable({
    read() {
      finishFlushes();
      if (sent >= total) return void (fail ? this.destroy(fail) : this.push(null));
      const size = Math.min(64 * 1024, total - sent);
      sent += size;
      this.push(Buffer.alloc(size, 7));
    },
  });
}

describe('writeMetered', () => {
  it('flushes in the background every few MiB, one flush at a time, and returns with none running', async () => {
    // A flush runs for ten writes (5 MiB), so writes go on while it runs; the last one finishes a while after the end.
    const recorded = recordingFile({ finishAfterWrites: 10 });
    const late = setInterval(() => {
      for (const flush of recorded.flushes.splice(0)) flush.finish();
    }, 20);
    try {
      await writeMetered(
        source(12 * MiB + 1000, () => undefined),
        recorded.file,
        new ByteMeter(20 * MiB),
      );
    } finally {
      clearInterval(late);
    }
    expect(recorded.running()).toBe(0);
    const starts = recorded.events.filter((e) => e.startsWith('flush after')).map((e) => Number(e.slice('flush after '.length)));
    expect(starts[0]).toBe(EARLY_FLUSH_BYTES);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(EARLY_FLUSH_BYTES);
    let running = 0;
    for (const event of recorded.events) {
      if (event.startsWith('flush after')) running += 1;
      if (event === 'flush done') running -= 1;
      expect(running).toBeLessThanOrEqual(1);
    }
    expect(recorded.events.some((e) => e.endsWith('(while flushing)'))).toBe(true);
    expect(
      recorded.events
        .filter((e) => e.startsWith('write'))
        .slice(0, -1)
        .every((e) => e.startsWith(`write ${WRITE_BATCH_BYTES}`)),
    ).toBe(true);
  });

  it('waits for a flush still running before it returns', async () => {
    const recorded = recordingFile();
    const done = writeMetered(
      source(EARLY_FLUSH_BYTES, () => undefined),
      recorded.file,
      new ByteMeter(20 * MiB),
    );
    let returned = false;
    void done.then(() => (returned = true));
    while (!recorded.flushes.length) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(returned).toBe(false);
    recorded.flushes[0].finish();
    await done;
    expect(recorded.events.at(-1)).toBe('flush done');
  });

  it('fails when a background flush failed, though every write after it succeeded', async () => {
    const eio = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    const recorded = recordingFile({ failFlush: eio });
    const finish = () => {
      for (const flush of recorded.flushes.splice(0)) flush.finish();
    };
    await expect(writeMetered(source(6 * MiB, finish), recorded.file, new ByteMeter(20 * MiB))).rejects.toBe(eio);
    expect(recorded.running()).toBe(0);
  });

  it('on a broken upload, lets a running flush end before it throws, so the file can be closed and removed', async () => {
    const recorded = recordingFile();
    let reads = 0;
    const finishLate = () => {
      if ((reads += 1) > 80) for (const flush of recorded.flushes.splice(0)) setTimeout(() => flush.finish(), 10);
    };
    await expect(
      writeMetered(source(5 * MiB, finishLate, new Error('connection reset')), recorded.file, new ByteMeter(20 * MiB)),
    ).rejects.toThrow('connection reset');
    expect(recorded.running()).toBe(0);
  });
});
