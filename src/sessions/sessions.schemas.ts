import { z } from 'zod';
import { optionalText, page, pageSize, reason, requiredText, text, uuid } from '../common/schemas';
import { rigaTime } from '../i18n/dates';
import { SESSION_KINDS } from './session.entity';

/** A session may last at most this long; clash checks rely on it to stay on the index. */
export const MAX_SESSION_DAYS = 14;

const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const optionalDate = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), date.optional());

const httpsUrl = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .trim()
    .max(500)
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === 'https:' && Boolean(url.hostname);
        } catch {
          return false;
        }
      },
      { params: { code: 'session.httpsOnly' } },
    )
    .optional(),
);

/** A checkbox list arrives as a string when one box is ticked, an array when several are. */
const idList = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(uuid).max(20));

/** One site per line in the form; a list in JSON. */
const lines = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])),
  z
    .array(text(300))
    .transform((items) => items.filter(Boolean))
    .pipe(z.array(z.string()).max(50)),
);

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function toInstant(day: string, clock: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [h, mi] = clock.split(':').map(Number);
  return rigaTime(y, m, d, h, mi);
}

const timeFields = {
  /** Riga calendar date and wall-clock time. */
  startDate: date,
  startTime: time,
  /** Defaults to the start date; a study visit may last several days. */
  endDate: optionalDate,
  endTime: time,
};

type TimeInput = { startDate: string; startTime: string; endDate?: string; endTime: string };

function instants(value: TimeInput): { startsAt: Date; endsAt: Date } {
  return { startsAt: toInstant(value.startDate, value.startTime), endsAt: toInstant(value.endDate ?? value.startDate, value.endTime) };
}

/** Checks the Riga dates and times together; runs even when other fields failed, so every error shows at once. */
function checkTimes(value: TimeInput, ctx: z.RefinementCtx): void {
  const wellFormed =
    date.safeParse(value.startDate).success &&
    time.safeParse(value.startTime).success &&
    time.safeParse(value.endTime).success &&
    (value.endDate === undefined || date.safeParse(value.endDate).success);
  if (!wellFormed) return;
  let ok = true;
  for (const [field, day] of [
    ['startDate', value.startDate],
    ['endDate', value.endDate],
  ] as const) {
    if (day !== undefined && !isCalendarDate(day)) {
      ctx.addIssue({ code: 'custom', path: [field], params: { code: 'session.invalidDate' } });
      ok = false;
    }
  }
  if (!ok) return;
  const { startsAt, endsAt } = instants(value);
  if (endsAt <= startsAt) ctx.addIssue({ code: 'custom', path: ['endTime'], params: { code: 'session.endAfterStart' } });
  else if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_DAYS * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], params: { code: 'session.tooLong', values: { count: MAX_SESSION_DAYS } } });
  }
}

function withInstants<T extends TimeInput>(value: T): T & { endDate: string; startsAt: Date; endsAt: Date } {
  return { ...value, endDate: value.endDate ?? value.startDate, ...instants(value) };
}

const detailFields = {
  kind: z.enum(SESSION_KINDS),
  title: requiredText(300),
  address: optionalText(300),
  room: optionalText(100),
  onlineUrl: httpsUrl,
  /** Empty: the cohort's instructors. */
  instructorIds: idList,
  hosts: optionalText(300),
  sitesVisited: lines,
  notes: optionalText(5000, { multiline: true }),
};

type DetailInput = { address?: string; room?: string; onlineUrl?: string };

function checkPlace(value: DetailInput, ctx: z.RefinementCtx): void {
  if (!value.address && !value.onlineUrl) ctx.addIssue({ code: 'custom', path: ['address'], params: { code: 'session.placeRequired' } });
  if (value.room && !value.address) ctx.addIssue({ code: 'custom', path: ['room'], params: { code: 'session.roomNeedsAddress' } });
}

export const sessionDetailsSchema = z.strictObject(detailFields).superRefine(checkPlace);
export type SessionDetailsInput = z.infer<typeof sessionDetailsSchema>;

export const createSessionSchema = z
  .strictObject({ ...detailFields, ...timeFields })
  .superRefine((value, ctx) => {
    checkPlace(value, ctx);
    checkTimes(value, ctx);
  })
  .transform(withInstants);
export type CreateSessionInput = z.infer<typeof createSessionSchema>;

const optionalTime = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), time.optional());

/**
 * A move gives the new start; the end only when it changes too. Without an end time the session keeps its length
 * (worked out from the session itself), so changing only the start never leaves the old end behind.
 */
export const moveSessionSchema = z
  .strictObject({ ...timeFields, endTime: optionalTime, reason: reason(500) })
  .superRefine((value, ctx) => {
    if (value.endTime !== undefined) return checkTimes({ ...value, endTime: value.endTime }, ctx);
    if (value.endDate !== undefined) ctx.addIssue({ code: 'custom', path: ['endTime'], params: { code: 'session.endTimeWithDate' } });
    else if (date.safeParse(value.startDate).success && !isCalendarDate(value.startDate)) {
      ctx.addIssue({ code: 'custom', path: ['startDate'], params: { code: 'session.invalidDate' } });
    }
  })
  .transform((value) => ({
    reason: value.reason,
    startsAt: toInstant(value.startDate, value.startTime),
    endsAt: value.endTime === undefined ? undefined : toInstant(value.endDate ?? value.startDate, value.endTime),
  }));
export type MoveSessionInput = z.infer<typeof moveSessionSchema>;

export const cancelSessionSchema = z.strictObject({ reason: reason(500) });
export type CancelSessionInput = z.infer<typeof cancelSessionSchema>;

/** Restoring a cancelled session takes a reason too, for the history and the notice. */
export const restoreSessionSchema = cancelSessionSchema;
export type RestoreSessionInput = CancelSessionInput;

export const sessionListQuerySchema = z.object({ page, pageSize });
export type SessionListQuery = z.infer<typeof sessionListQuerySchema>;

export const mySessionsQuerySchema = z.object({ page, pageSize: pageSize.pipe(z.number().max(100)) });
export type MySessionsQuery = z.infer<typeof mySessionsQuerySchema>;
