import { ServiceUnavailableError } from './errors';

/** Node's socket errors when the server cannot be reached or drops the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** PostgreSQL's SQLSTATEs for a server that is shutting down, starting up or gone (class 08: connection exception). */
const POSTGRES_DOWN = new Set(['57P01', '57P02', '57P03']);
/** Messages of pg, pg-pool and ioredis when their connection is gone or never came. */
const DOWN_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Connection is closed',
  'Reached the max retries per request limit',
];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function isDown(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || POSTGRES_DOWN.has(code) || code.startsWith('08')) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && DOWN_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => isDown(i, depth + 1));
}

/**
 * The error as a 503 when it says that PostgreSQL or Redis cannot be reached (a refused or dropped
 * connection, a server shutting down), or null for any other error.
 */
export function asServiceUnavailable(error: unknown): ServiceUnavailableError | null {
  if (error instanceof ServiceUnavailableError) return error;
  return isDown(error) ? new ServiceUnavailableError() : null;
}
