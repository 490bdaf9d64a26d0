import { Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { requestLogFields } from './request-logging';

/** Readable lines for a person at a terminal in development; JSON everywhere else (and pino-pretty is a dev dependency). */
export function prettyTransport(nodeEnv: string): { target: string; options: Record<string, unknown> } | undefined {
  if (nodeEnv !== 'development') return undefined;
  try {
    return { target: require.resolve('pino-pretty'), options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } };
  } catch {
    return undefined;
  }
}

/**
 * pino's settings: for the module, and for the worker's logger that must exist before its queues start. Requests
 * get their id and their log line from `requestLogging` (request-logging.ts), so the module's own HTTP middleware
 * is bound to no route; the request's id reaches each line through the mixin.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      transport: prettyTransport(config.env.NODE_ENV),
      mixin: requestLogFields,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
      },
    },
    forRoutes: [],
  };
}

/** JSON logs (readable ones in development); every line of a request carries its id (taken from X-Request-Id when it is sane). */
@Module({
  imports: [LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerParams })],
})
export class LoggingModule {}
