import { z } from 'zod';
import { listOf, pageOf } from '../common/api-docs';
import { SESSION_KINDS, SESSION_STATUSES } from './session.entity';

/** The API's bodies for sessions (built by sessionView and changeView in session-views.ts). */
export const sessionBody = z
  .object({
    id: z.uuid(),
    cohortId: z.uuid(),
    cohortName: z.string().optional().describe("In the lists of one's own sessions."),
    kind: z.enum(SESSION_KINDS),
    title: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    when: z.string().describe('Riga time, e.g. "05.09.2012 09:00–12:00".'),
    address: z.string().nullable(),
    room: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    hosts: z.string().nullable(),
    sitesVisited: z.array(z.string()),
    notes: z.string(),
    status: z.enum(SESSION_STATUSES),
    state: z.enum(['planned', 'held', 'cancelled']).describe('held: a scheduled session that has ended.'),
    cancelled: z.boolean(),
    cancellationReason: z.string().nullable(),
    sequence: z.number().int().describe('Rises with each change, as in the calendar.'),
    instructors: z.array(z.object({ id: z.uuid(), name: z.string() })),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Session' });

export const sessionPageBody = pageOf(sessionBody, 'SessionPage');
export const sessionListBody = listOf(sessionBody, 'SessionList');

export const sessionChangeBody = z
  .object({
    id: z.uuid(),
    kind: z.enum(['moved', 'cancelled', 'restored']),
    oldStartsAt: z.iso.datetime(),
    oldEndsAt: z.iso.datetime(),
    oldWhen: z.string(),
    newStartsAt: z.iso.datetime().nullable(),
    newEndsAt: z.iso.datetime().nullable(),
    newWhen: z.string().nullable(),
    reason: z.string(),
    changedById: z.uuid().nullable(),
    changedByName: z.string().nullable(),
    changedAt: z.iso.datetime(),
  })
  .meta({ id: 'SessionChange' });

export const sessionWithHistoryBody = sessionBody.extend({ history: z.array(sessionChangeBody) }).meta({ id: 'SessionWithHistory' });
