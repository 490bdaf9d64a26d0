import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { unitOfWork } from '../database/unit-of-work';
import { sameTimeDaysBefore } from '../i18n/dates';
import { EmailRequest, OutboxService } from '../notifications/outbox.service';
import { reminderKeyPrefix } from './session-notices';
import { formatRangeIn, placeText } from './session-views';
import { ReminderCandidate, ReminderRecipient, SessionRecords } from './session-records.service';

/** The reminder of an offset that is a whole number of days keeps the wall-clock time across a DST change. */
export function reminderTime(startsAt: Date, offsetHours: number): Date {
  return offsetHours % 24 === 0 ? sameTimeDaysBefore(startsAt, offsetHours / 24) : new Date(startsAt.getTime() - offsetHours * 3_600_000);
}

/** One reminder per person, session, offset and start instant: a moved session is reminded again for its new time. */
export function reminderKey(sessionId: string, userId: string, offsetHours: number, startsAt: Date): string {
  return `${reminderKeyPrefix(sessionId)}${userId}:${offsetHours}h:${Math.floor(startsAt.getTime() / 1000)}`;
}

interface Due extends ReminderCandidate {
  remindAt: Date;
}

export interface ScanResult {
  /** Reminders whose time has come, before looking at who gets them. */
  due: number;
  /** Due reminders left out because they were later than REMINDER_MAX_LATE_MINUTES. */
  tooLate: number;
  /** Outbox rows written by this scan. */
  created: number;
}

/** Slack around the SQL window: a whole-day offset over a DST change is an hour longer or shorter. */
const SLACK_HOURS = 2;
/** Each transaction's emails are queued when it commits: small ones let delivery start while the scan goes on. */
const SESSIONS_PER_TRANSACTION = 25;

/**
 * Finds the session reminders whose time has come and writes them to the outbox, set-based: one query for the
 * sessions in the window of the largest offset, one per batch for the people. Safe to run as often and in as many
 * workers as you like: the deduplication key lets each reminder in once.
 *
 * Who: the cohort's active members (cohort_members.active: enrolled, not waitlisted, withdrawn or finished) and the session's
 * instructors, with active accounts and reminders switched on. When: the programme's offsets (study visits
 * have their own); only once the time has come and before the session starts. A reminder more than
 * REMINDER_MAX_LATE_MINUTES late (the worker was down) is skipped rather than sent long after its time.
 */
@Injectable()
export class SessionRemindersService {
  private readonly logger = new Logger(SessionRemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly records: SessionRecords,
  ) {}

  async scan(now: Date = new Date()): Promise<ScanResult> {
    const maxLateMs = this.config.env.REMINDER_MAX_LATE_MINUTES * 60_000;
    const candidates = await this.candidates(now, maxLateMs);
    const due: Due[] = [];
    let tooLate = 0;
    for (const candidate of candidates) {
      const remindAt = reminderTime(new Date(candidate.starts_at), candidate.hours);
      if (remindAt > now) continue;
      if (now.getTime() - remindAt.getTime() > maxLateMs) tooLate += 1;
      else due.push({ ...candidate, starts_at: new Date(candidate.starts_at), ends_at: new Date(candidate.ends_at), remindAt });
    }
    let created = 0;
    const sessionIds = [...new Set(due.map((d) => d.id))];
    for (let i = 0; i < sessionIds.length; i += SESSIONS_PER_TRANSACTION) {
      const batch = new Set(sessionIds.slice(i, i + SESSIONS_PER_TRANSACTION));
      const ids = await unitOfWork(this.dataSource, (manager) =>
        this.createReminders(
          manager,
          due.filter((d) => batch.has(d.id)),
        ),
      );
      created += ids.length;
    }
    const result = { due: due.length, tooLate, created };
    if (due.length || tooLate) this.logger.log({ ...result, now: now.toISOString() }, 'Session reminders scanned');
    return result;
  }

  /** Scheduled sessions not yet started with an offset whose reminder time is near `now`. */
  private candidates(now: Date, maxLateMs: number): Promise<ReminderCandidate[]> {
    return this.records.reminderCandidates(now, maxLateMs / 1000, SLACK_HOURS);
  }

  /**
   * Writes the reminders of a batch of sessions. The sessions are locked FOR SHARE and must still start when
   * the scan saw them: a move commits either before (this batch skips the session) or after (the move stops
   * the reminders written here).
   */
  private async createReminders(manager: EntityManager, due: Due[]): Promise<string[]> {
    const startOf = await this.records.lockScheduledStarts(manager, [...new Set(due.map((d) => d.id))]);
    const still = due.filter((d) => startOf.get(d.id) === d.starts_at.getTime());
    if (!still.length) return [];
    const people = await this.records.reminderRecipients(manager, still);
    const byKey = new Map(still.map((d) => [`${d.id}:${d.hours}`, d]));
    const keyOf = (person: ReminderRecipient) => {
      const session = byKey.get(`${person.session_id}:${person.hours}`)!;
      return reminderKey(session.id, person.user_id, session.hours, session.starts_at);
    };
    // Reminders already written are left out before any is rendered.
    const written = await this.outbox.existingKeys(manager, people.map(keyOf));
    const requests: EmailRequest[] = people
      .filter((person) => !written.has(keyOf(person)))
      .map((person) => {
        const session = byKey.get(`${person.session_id}:${person.hours}`)!;
        return {
          to: { email: person.email, id: person.user_id, language: person.language },
          template: 'session-reminder',
          category: 'reminder',
          dedupKey: keyOf(person),
          data: {
            name: person.name,
            title: session.title,
            kindKey: `sessions.kinds.${session.kind}`,
            cohortName: session.cohort_name,
            when: formatRangeIn(session.starts_at, session.ends_at, person.language),
            place: placeText({ address: session.address, room: session.room, onlineUrl: null }),
            onlineUrl: session.online_url,
            link: this.config.publicUrl(`/sessions/${session.id}`),
            startsAt: session.starts_at.toISOString(),
          },
        };
      });
    return this.outbox.enqueueMany(manager, requests);
  }
}
