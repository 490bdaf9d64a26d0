import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseRedisUrl } from './redis-url';
import { parseTrustProxy } from './trust-proxy';

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const duration = z.coerce.number().int().positive();

/** A text setting where an empty value counts as not set. */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where people reach the platform; defaults to http://localhost:PORT. */
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/kursors'),
  DATABASE_MIGRATE_ON_START: bool.default(true),
  /** Connections of the process's main pool; the session store keeps up to half as many more (web processes). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
  /** A read-only standby for reports' reads, which never need to see the caller's own last write; unset: the primary. */
  DATABASE_REPLICA_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(url(['postgres:', 'postgresql:']).optional()),
  /** One server (redis://), a cluster (redis+cluster://h1:p1,h2:p2) or a Sentinel group (redis+sentinel://…); see redis-url.ts. */
  REDIS_URL: z
    .string()
    .trim()
    .default('redis://127.0.0.1:6379')
    .superRefine((value, ctx) => {
      try {
        parseRedisUrl(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]{1,64}$/, 'must be 1-64 letters, digits, ":", "_" or "-"')
    .default('kursors'),
  SMTP_URL: optionalText.pipe(url(['smtp:', 'smtps:']).optional()),
  MAIL_FROM: z.string().trim().min(3).default('Kursors <kursors@localhost>'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default('development-secret-change-me-0123456789'),
  SESSION_IDLE_MINUTES: duration.default(30),
  SESSION_ABSOLUTE_HOURS: duration.default(12),
  UPLOAD_DIR: z.string().trim().min(1).default('./uploads'),
  /** Where uploaded files are kept: `local` (in UPLOAD_DIR) or `s3` (a bucket of an S3-compatible service, the S3_* settings). */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** The S3 service's address; AWS's endpoint of S3_REGION when not set. */
  S3_ENDPOINT: optionalText.pipe(url(['http:', 'https:']).optional()),
  S3_REGION: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be a region name such as eu-north-1')
    .default('us-east-1'),
  S3_BUCKET: optionalText.pipe(z.string().regex(BUCKET, 'must be a bucket name: 3-63 lower-case letters, digits, "." or "-"').optional()),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  /** Address the bucket as `<endpoint>/<bucket>` (MinIO and most self-hosted services) rather than `<bucket>.<endpoint host>`. */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** Largest material file accepted, in megabytes. */
  MATERIAL_MAX_MB: z.coerce.number().int().min(1).max(2048).default(50),
  /** How long a stopping web process waits for the requests in flight (SIGTERM), in seconds. */
  SHUTDOWN_GRACE_SECONDS: duration.default(25),
  TZ: z.string().default('Europe/Riga'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INVITATION_TTL_HOURS: duration.default(72),
  RESET_TTL_MINUTES: duration.default(60),
  LOGIN_MAX_PER_ACCOUNT: duration.default(5),
  LOGIN_MAX_PER_ADDRESS: duration.default(20),
  LOGIN_WINDOW_MINUTES: duration.default(15),
  RESET_MAX_PER_EMAIL: duration.default(3),
  RESET_MAX_PER_ADDRESS: duration.default(10),
  RESET_WINDOW_MINUTES: duration.default(60),
  /** Certificate checks (a code looked up, a file compared) one address may make per window on the public page. */
  VERIFY_MAX_PER_ADDRESS: duration.default(30),
  VERIFY_WINDOW_SECONDS: duration.default(60),
  /** How often the worker puts outbox rows still pending back on the delivery queue. */
  OUTBOX_SWEEP_SECONDS: duration.default(30),
  /** Delivery attempts of one email before it is marked failed. */
  EMAIL_MAX_ATTEMPTS: duration.default(6),
  /** Delay before the first retry of a failed delivery; it doubles with each attempt. */
  EMAIL_BACKOFF_MS: duration.default(5000),
  /** How often the worker looks for session reminders whose time has come. */
  REMINDER_SCAN_MINUTES: duration.default(5),
  /** A session reminder later than this (after downtime) is skipped rather than sent. */
  REMINDER_MAX_LATE_MINUTES: duration.default(240),
  /** How long after an exam attempt's deadline an answer still in transit is accepted, in seconds. */
  EXAM_GRACE_SECONDS: duration.default(30),
  /** How often the worker submits exam attempts whose deadline passed (when Redis lost their timed job). */
  EXAM_SWEEP_SECONDS: duration.default(30),
  /** Handed-in work and exam essays not marked this many days after they were handed in show as overdue to administrators. */
  MARKING_DUE_DAYS: duration.default(7),
  /** A report export up to this many cells (rows × columns) is streamed in the request; a larger one is made in the background. */
  REPORT_INLINE_EXPORT_MAX_CELLS: z.coerce.number().int().min(0).default(50_000),
  /** false, true (one hop), a hop count, or the proxies' addresses and ranges; see trust-proxy.ts. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /**
   * A PKCS#12 file (.p12, .pfx) holding the organisation's e-seal certificate and its key: every certificate PDF
   * is sealed with it. Unset: development and tests seal with a key made at start-up, production does not seal.
   */
  CERTIFICATE_SIGNING_P12: optionalText,
  /** The PKCS#12 file's password; set it empty for a file without one. */
  CERTIFICATE_SIGNING_PASSWORD: z.string().optional(),
  /**
   * The Ed25519 private key (PEM, or the path of a PEM file) that signs the Open Badges credentials. Unset:
   * development and tests use a key made at start-up, production offers no badges.
   */
  CERTIFICATE_BADGE_KEY: optionalText,
  /**
   * Worker threads that draw certificate PDFs, in each process that issues them; 0 draws them on the event loop.
   * Default: one per core, at most four.
   */
  CERTIFICATE_RENDER_THREADS: z.coerce
    .number()
    .int()
    .min(0)
    .max(32)
    .default(() => Math.min(4, availableParallelism())),
  FUNDING_STATEMENT: z
    .string()
    .default(
      'Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu. Par informācijas saturu atbild Daugavpils pilsētas dome.',
    ),
});

/** The settings the s3 storage driver cannot do without. */
const S3_REQUIRED = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** The schema with the rules that tie one setting to another. */
const checkedEnvSchema = envSchema.superRefine((env, context) => {
  if (env.CERTIFICATE_SIGNING_P12 && env.CERTIFICATE_SIGNING_PASSWORD === undefined) {
    const message = 'must be set with CERTIFICATE_SIGNING_P12 (empty for a file without a password)';
    context.addIssue({ code: 'custom', path: ['CERTIFICATE_SIGNING_PASSWORD'], message });
  }
  if (!env.CERTIFICATE_SIGNING_P12 && env.CERTIFICATE_SIGNING_PASSWORD) {
    context.addIssue({ code: 'custom', path: ['CERTIFICATE_SIGNING_P12'], message: 'must be set with CERTIFICATE_SIGNING_PASSWORD' });
  }
  if (env.STORAGE_DRIVER !== 's3') return;
  for (const name of S3_REQUIRED) {
    if (!env[name]) context.addIssue({ code: 'custom', path: [name], message: 'must be set when STORAGE_DRIVER is s3' });
  }
});

export type Env = Omit<z.infer<typeof envSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string };

export class InvalidEnvironmentError extends Error {}

/** Parses the environment, naming every bad variable in one message. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = checkedEnvSchema.safeParse(source);
  if (result.success) {
    const data = { ...result.data, PUBLIC_URL: (result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}`).replace(/\/+$/, '') };
    if (data.NODE_ENV === 'production' && data.SESSION_SECRET === envSchema.shape.SESSION_SECRET.parse(undefined)) {
      throw new InvalidEnvironmentError('Invalid configuration: SESSION_SECRET: must be set in production');
    }
    return data;
  }
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new InvalidEnvironmentError(`Invalid configuration: ${problems.join('; ')}`);
}
