import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { Material } from '../src/materials/material.entity';
import { startWebApp, TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createApiToken, createInstructor } from './support/factories';
import { pdfBytes } from './support/files';
import { createCohort, createPart, createProgramme } from './support/schedule-factories';
import { filesIn, useTemporaryUploadDir } from './support/uploads';

process.env.MATERIAL_MAX_MB = '1';
const uploadDir = useTemporaryUploadDir();
const MiB = 1024 * 1024;

interface StreamedUpload {
  status?: number;
  body?: { code?: string; message?: string };
  error?: string;
  sentBytes: number;
  peakGrowth: number;
}

/** Memory that would hold an uploaded file: the JS heap and the buffers outside it. */
const memoryNow = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

/**
 * Sends a PDF of `fileBytes` as a chunked multipart body, never holding more than one chunk, and stops
 * sending as soon as the server answers. Samples this process's memory (the server runs in it) meanwhile.
 */
function streamUpload(
  port: number,
  path: string,
  authorization: string,
  fileBytes: number,
  declaredLength?: number,
): Promise<StreamedUpload> {
  const boundary = '----kursorsLimitTest';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nLiels fails\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Liels fails.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const firstChunk = Buffer.concat([pdfBytes(), chunk]).subarray(0, chunk.length);
  const baseline = memoryNow();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryNow());
  }, 2);

  return new Promise((resolve) => {
    const result: StreamedUpload = { sentBytes: 0, peakGrowth: 0 };
    let answered = false;
    const finish = () => {
      clearInterval(sampler);
      result.peakGrowth = peak - baseline;
      resolve(result);
    };
    const headers: Record<string, string> = { authorization, 'content-type': `multipart/form-data; boundary=${boundary}` };
    if (declaredLength !== undefined) headers['content-length'] = String(declaredLength);
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers });
    req.on('response', (res) => {
      answered = true;
      result.status = res.statusCode;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        result.body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}');
        req.destroy();
        finish();
      });
    });
    req.on('error', (error) => {
      result.error = (error as NodeJS.ErrnoException).code ?? error.message;
      if (!answered) finish();
    });

    const write = async () => {
      req.write(head);
      let sent = 0;
      while (sent < fileBytes && !answered && !req.destroyed) {
        const piece = sent === 0 ? firstChunk : chunk;
        sent += piece.length;
        result.sentBytes = sent;
        if (!req.write(piece)) await drained(req);
      }
      if (!answered && !req.destroyed) req.end(`\r\n--${boundary}--\r\n`);
    };
    void write();
  });
}

function drained(req: ReturnType<typeof httpRequest>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}

describe('material size limit', () => {
  let t: TestApp;
  let port: number;
  let authorization: string;
  let path: string;
  let cohortId: string;

  beforeAll(async () => {
    t = await startWebApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const instructor = await createInstructor(t.dataSource);
    const part = await createPart(t.dataSource, await createProgramme(t.dataSource));
    const cohort = await createCohort(t.dataSource, part, { instructors: [instructor] });
    authorization = `Bearer ${(await createApiToken(t.dataSource, instructor)).secret}`;
    cohortId = cohort.id;
    path = `/api/v1/cohorts/${cohort.id}/materials`;
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('refuses a streamed file over the limit without reading the rest, keeping neither file nor record', async () => {
    const fileBytes = 64 * MiB;
    const result = await streamUpload(port, path, authorization, fileBytes);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'Fails „Liels fails.pdf” ir pārāk liels. Lielākais atļautais izmērs ir 1 MB.',
    });
    // The server stopped reading soon after the first megabyte; the client never got to send the rest.
    expect(result.sentBytes).toBeLessThan(fileBytes / 4);
    expect(result.peakGrowth).toBeLessThan(fileBytes / 4);
    expect(filesIn(uploadDir)).toEqual([]);
    expect(await t.dataSource.getRepository(Material).countBy({ cohortId })).toBe(0);
  });

  it('refuses at once a request that declares a body over the limit', async () => {
    const result = await streamUpload(port, path, authorization, 0, 200 * MiB);
    expect(result.status).toBe(413);
    expect(result.body?.code).toBe('FILE_TOO_LARGE');
    expect(filesIn(uploadDir)).toEqual([]);
  });

  it('cleans up after a client that gives up halfway', async () => {
    const boundary = '----kursorsAbort';
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { authorization, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nPārtraukts\r\n`);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Pārtraukts.pdf"\r\n\r\n`);
    req.write(Buffer.concat([pdfBytes(), Buffer.alloc(300 * 1024, 0x20)]));
    await eventually(() => filesIn(uploadDir).some((name) => name.endsWith('.tmp')), 5000, 'the upload to start');
    req.destroy();
    await eventually(() => filesIn(uploadDir).length === 0, 5000, 'the partial file to be removed');
    expect(await t.dataSource.getRepository(Material).countBy({ cohortId })).toBe(0);
  });

  it('accepts a file just under the limit', async () => {
    const res = await t
      .http()
      .post(path)
      .set('Authorization', authorization)
      .field('title', 'Gandrīz megabaits')
      .attach('file', Buffer.concat([pdfBytes(), Buffer.alloc(MiB - 200, 0x20)]), 'Gandrīz.pdf');
    expect(res.status).toBe(201);
    expect(filesIn(uploadDir)).toHaveLength(1);
  });
});
