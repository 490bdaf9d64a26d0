import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { S3Client } from '../src/storage/s3-client';
import { EMPTY_SHA256, S3Signer } from '../src/storage/s3-signature';
import { S3StorageDriver } from '../src/storage/s3-storage.driver';
import { newStorageKey } from '../src/storage/storage-keys';
import { S3TestServer } from '../test/support/s3-server';
import { ROOT } from './lib/processes';
import { formatTable, type BenchRow } from './lib/report';
import { percentile, round } from './lib/stats';
import { rssMiB, sampleRss } from './uploads/proc';

/**
 * The S3 storage driver against the S3-compatible test server in a process of its own: a 64 MiB file written
 * (8 MiB parts) and read back, each against a bare client sending the same bytes to the same server in the same
 * run — signed PUTs of the same 8 MiB slices, a signed GET — without the driver's streaming, full-file hash,
 * checksums and check of what was stored. Then how much the process grows while the driver writes a 256 MiB file.
 */
const MiB = 1024 * 1024;
const FILE_BYTES = 64 * MiB;
const PART_BYTES = 8 * MiB;
const LARGE_FILE_BYTES = 256 * MiB;
const CHUNK = 64 * 1024;
const ROUNDS = 5;
const TARGET_SHARE = 0.5;
const TARGET_GROWTH_MIB = 64;

const log = (message: string) => process.stdout.write(`s3-storage: ${message}\n`);
const median = (values: number[]) => percentile(values, 50);

/** The bytes of `content`, `times` over, in 64 KiB chunks that are views of it (nothing copied). */
function chunksOf(content: Buffer, times = 1): Readable {
  return Readable.from(
    (function* () {
      for (let time = 0; time < times; time += 1) {
        for (let at = 0; at < content.length; at += CHUNK) yield content.subarray(at, at + CHUNK);
      }
    })(),
  );
}

interface ServerProcess {
  endpoint: string;
  stop(): Promise<void>;
}

function startServer(): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist-bench', 'bench', 's3', 'server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.once('exit', () => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (line: Buffer) => {
      const port = /^port (\d+)/.exec(line.toString())?.[1];
      if (!port) return reject(new Error(`the S3 server said ${line.toString()}`));
      resolve({
        endpoint: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** A bare signed request: the least any S3 client does (hash the body to sign it), nothing more. */
function bareRequest(signer: S3Signer, endpoint: URL, method: 'PUT' | 'GET', path: string, body?: Buffer): Promise<number> {
  const headers: Record<string, string> = { host: endpoint.host };
  if (body) headers['content-length'] = String(body.length);
  const payloadHash = body ? createHash('sha256').update(body).digest('hex') : EMPTY_SHA256;
  const authorization = signer.sign({ method, path, query: {}, headers, payloadHash }, new Date());
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname: endpoint.hostname, port: endpoint.port, method, path, headers: { ...headers, authorization } },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve(bytes) : reject(new Error(`${method} ${path}: ${res.statusCode}`))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads a stream to its end as the bare client reads its answer; the bytes it had. */
function drained(stream: Readable): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    stream.on('end', () => resolve(bytes));
    stream.on('error', reject);
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** CPU seconds per GiB moved over the counted rounds, the driver's against the bare client's. */
function cpuRow(name: string, driverSeconds: number, bareSeconds: number): BenchRow {
  const perGiB = (seconds: number) => seconds / ((ROUNDS * FILE_BYTES) / (1024 * MiB));
  return {
    name,
    value: round(perGiB(driverSeconds), 2),
    unit: 's',
    baseline: round(perGiB(bareSeconds), 2),
    ratio: round(driverSeconds / bareSeconds, 2),
  };
}

export async function run(): Promise<BenchRow[]> {
  const server = await startServer();
  const reference = new S3TestServer();
  const settings = {
    endpoint: server.endpoint,
    region: reference.region,
    bucket: reference.bucket,
    accessKeyId: reference.accessKeyId,
    secretAccessKey: reference.secretAccessKey,
    forcePathStyle: true,
  };
  const client = new S3Client(settings);
  const driver = new S3StorageDriver(client, { partSize: PART_BYTES });
  const signer = new S3Signer(settings);
  const endpoint = new URL(server.endpoint);
  const content = Buffer.alloc(FILE_BYTES);
  for (let i = 0; i < content.length; i += 4) content.writeUInt32LE((i * 2654435761) >>> 0, i);
  try {
    const load = loadavg()[0];
    /** This process's CPU seconds spent by each of the four, over the counted rounds. */
    const cpu = { upDriver: 0, upBare: 0, downDriver: 0, downBare: 0 };
    const rate = async (what: keyof typeof cpu, work: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      const seconds = await timed(work);
      const used = process.cpuUsage(before);
      cpu[what] += (used.user + used.system) / 1e6;
      return FILE_BYTES / MiB / seconds;
    };
    const expectWhole = (bytes: number) => {
      if (bytes !== FILE_BYTES) throw new Error(`read ${bytes} bytes`);
    };
    /** One round: each client writes the file, then each reads the driver's copy; `bareFirst` says who goes first. */
    async function oneRound(bareFirst: boolean) {
      const key = newStorageKey('bench');
      const bareKeys = Array.from({ length: FILE_BYTES / PART_BYTES }, () => newStorageKey('bench'));
      const driverUp = () => rate('upDriver', () => driver.put(key, chunksOf(content), { maxBytes: FILE_BYTES }));
      const bareUp = () =>
        rate('upBare', async () => {
          for (const [i, bareKey] of bareKeys.entries()) {
            const slice = content.subarray(i * PART_BYTES, (i + 1) * PART_BYTES);
            await bareRequest(signer, endpoint, 'PUT', `/${settings.bucket}/${bareKey}`, slice);
          }
        });
      const driverDown = () => rate('downDriver', async () => expectWhole(await drained(driver.openRead(key))));
      const bareDown = () =>
        rate('downBare', async () => expectWhole(await bareRequest(signer, endpoint, 'GET', `/${settings.bucket}/${key}`)));
      const both = async (first: () => Promise<number>, second: () => Promise<number>) => {
        const a = await first();
        return [a, await second()];
      };
      const [upDriver, upBare] = bareFirst ? (await both(bareUp, driverUp)).reverse() : await both(driverUp, bareUp);
      const [downDriver, downBare] = bareFirst ? (await both(bareDown, driverDown)).reverse() : await both(driverDown, bareDown);
      for (const k of [key, ...bareKeys]) await driver.delete(k);
      return { upDriver, upBare, downDriver, downBare };
    }

    await oneRound(false); // warm-up, not counted
    for (const what of Object.keys(cpu) as (keyof typeof cpu)[]) cpu[what] = 0;
    const up = { driver: [] as number[], bare: [] as number[] };
    const down = { driver: [] as number[], bare: [] as number[] };
    for (let r = 0; r < ROUNDS; r += 1) {
      const result = await oneRound(r % 2 === 1);
      up.driver.push(result.upDriver);
      up.bare.push(result.upBare);
      down.driver.push(result.downDriver);
      down.bare.push(result.downBare);
      log(
        `round ${r + 1}: up ${round(result.upDriver)} / ${round(result.upBare)} MiB/s, down ${round(result.downDriver)} / ${round(result.downBare)} MiB/s`,
      );
    }

    global.gc?.();
    const before = rssMiB(process.pid);
    const sampler = sampleRss(process.pid, 20);
    const largeKey = newStorageKey('bench');
    const part = content.subarray(0, PART_BYTES);
    await driver.put(largeKey, chunksOf(part, LARGE_FILE_BYTES / PART_BYTES), { maxBytes: LARGE_FILE_BYTES });
    sampler.stop();
    const growth = sampler.peakMiB() - before;
    await driver.delete(largeKey);
    log(`256 MiB written; the process grew by ${round(growth)} MiB at most (load ${round(load, 2)})`);

    const upRatio = median(up.driver) / median(up.bare);
    const downRatio = median(down.driver) / median(down.bare);
    const rows: BenchRow[] = [
      {
        name: 'write 64 MiB (8 MiB parts), median of 5',
        value: round(median(up.driver)),
        unit: 'MiB/s',
        baseline: round(median(up.bare)),
        ratio: round(upRatio, 2),
        target: `>= ${TARGET_SHARE * 100} % of bare signed PUTs`,
        pass: upRatio >= TARGET_SHARE,
      },
      {
        name: 'read 64 MiB, median of 5',
        value: round(median(down.driver)),
        unit: 'MiB/s',
        baseline: round(median(down.bare)),
        ratio: round(downRatio, 2),
        target: `>= ${TARGET_SHARE * 100} % of a bare signed GET`,
        pass: downRatio >= TARGET_SHARE,
      },
      {
        name: 'growth while writing 256 MiB',
        value: round(growth),
        unit: 'MiB',
        target: `< ${TARGET_GROWTH_MIB} MiB`,
        pass: growth < TARGET_GROWTH_MIB,
      },
      cpuRow('CPU of this process per GiB written', cpu.upDriver, cpu.upBare),
      cpuRow('CPU of this process per GiB read', cpu.downDriver, cpu.downBare),
      { name: 'load average before', value: round(load, 2), unit: '' },
    ];
    return rows;
  } finally {
    client.close();
    await server.stop();
  }
}

if (require.main === module) {
  void run().then((rows) => process.stdout.write(`${formatTable('s3-storage', rows)}\n`));
}
