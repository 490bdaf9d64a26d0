import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { requestIdOf, requestLogFields, requestLogging } from './request-logging';

const withHeader = (value?: string) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as Request;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it('keeps a sane X-Request-Id', () => {
    expect(requestIdOf(withHeader('lb-7f3a.2_x'))).toBe('lb-7f3a.2_x');
    expect(requestIdOf(withHeader('a'.repeat(64)))).toBe('a'.repeat(64));
  });

  it('makes a new UUID when the header is missing, too long or carries other characters', () => {
    for (const given of [undefined, '', 'a'.repeat(65), 'id with spaces', 'x\ny', '<script>'])
      expect(requestIdOf(withHeader(given))).toMatch(UUID);
    expect(requestIdOf(withHeader())).not.toBe(requestIdOf(withHeader()));
  });
});

describe('requestLogging', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const pino = new PinoLogger({ pinoHttp: [{ level: 'info', mixin: requestLogFields }, sink] });
  Logger.overrideLogger(new NestPinoLogger(pino, {}));
  const middleware = requestLogging();

  function serve(requestId: string, work: () => Promise<void>): Promise<void> {
    const req = { headers: { 'x-request-id': requestId }, url: '/api/v1/me', method: 'GET' } as unknown as Request;
    const res = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: true }) as unknown as Response;
    return new Promise<void>((resolve, reject) => {
      middleware(req, res, (() => void work().then(resolve, reject)) as NextFunction);
    }).then(() => void res.emit('close'));
  }

  beforeEach(() => lines.splice(0));

  it("puts the request's id on every line its work logs, across awaits, and logs its end", async () => {
    await Promise.all([
      serve('first', async () => {
        await new Promise((r) => setTimeout(r, 5));
        new Logger('SomeService').log('Working on the first');
      }),
      serve('second', async () => {
        new Logger('SomeService').warn('Working on the second');
        await new Promise((r) => setTimeout(r, 1));
      }),
    ]);
    await new Promise((r) => setImmediate(r));
    expect(lines.find((l) => l.msg === 'Working on the first')).toMatchObject({ requestId: 'first', context: 'SomeService' });
    expect(lines.find((l) => l.msg === 'Working on the second')).toMatchObject({ requestId: 'second', level: 40 });
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.requestId)).toEqual(expect.arrayContaining(['first', 'second']));
  });

  it('adds no request id to lines logged outside a request', () => {
    new Logger('Startup').log('Listening');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toHaveProperty('requestId');
  });
});
