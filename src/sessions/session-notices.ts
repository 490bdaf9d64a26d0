import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import type { SessionChange } from './session-change.entity';
import type { Session } from './session.entity';
import { SessionRecipient, SessionRecords } from './session-records.service';
import { formatRangeIn, placeText } from './session-views';

/** Reminder outbox keys start with this, then the session id; a move or cancellation stops those still pending. */
export const reminderKeyPrefix = (sessionId: string) => `session-reminder:${sessionId}:`;

/**
 * Tells everyone a session concerns (its enrolled trainees and its instructors) at once that it moved, was
 * cancelled, was restored or meets somewhere else, in the change's transaction; a move or cancellation also
 * stops every reminder for the old time still waiting in the outbox.
 */
@Injectable()
export class SessionNotices {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly records: SessionRecords,
  ) {}

  /** The cohort's active members (not waitlisted, withdrawn or finished) and the session's instructors, active accounts only. */
  recipients(manager: EntityManager, session: Pick<Session, 'id' | 'cohortId'>): Promise<SessionRecipient[]> {
    return this.records.recipients(manager, session);
  }

  /** The notices are queued once the change's unit of work commits. */
  async announce(manager: EntityManager, session: Session, change: SessionChange, cohortName: string): Promise<void> {
    if (change.kind === 'restored') {
      // Its reminders were stopped when it was cancelled; the scan may now write them again.
      await this.outbox.releaseSuppressed(manager, reminderKeyPrefix(session.id));
    } else {
      await this.outbox.suppressPending(manager, reminderKeyPrefix(session.id), `session ${change.kind}`);
    }
    const people = await this.recipients(manager, session);
    const template = `session-${change.kind}`;
    await this.outbox.enqueueMany(
      manager,
      people.map((person) => ({
        to: { email: person.email, id: person.id, language: person.language },
        template,
        category: 'update' as const,
        dedupKey: `session-change:${change.id}:${person.id}`,
        data: {
          name: person.name,
          title: session.title,
          cohortName,
          place: placeText(session),
          oldWhen: formatRangeIn(change.oldStartsAt, change.oldEndsAt, person.language),
          newWhen: change.newStartsAt && change.newEndsAt ? formatRangeIn(change.newStartsAt, change.newEndsAt, person.language) : null,
          reason: change.reason,
          link: this.config.publicUrl(`/sessions/${session.id}`),
        },
      })),
    );
  }

  /** After a change of address, room or online link: the new place beside the old one. */
  async announcePlace(manager: EntityManager, session: Session, oldPlace: string, cohortName: string): Promise<void> {
    const people = await this.recipients(manager, session);
    await this.outbox.enqueueMany(
      manager,
      people.map((person) => ({
        to: { email: person.email, id: person.id, language: person.language },
        template: 'session-place-changed',
        category: 'update' as const,
        dedupKey: `session-place:${session.id}:${session.sequence}:${person.id}`,
        data: {
          name: person.name,
          title: session.title,
          cohortName,
          when: formatRangeIn(session.startsAt, session.endsAt, person.language),
          oldPlace,
          newPlace: placeText(session),
          link: this.config.publicUrl(`/sessions/${session.id}`),
        },
      })),
    );
  }
}
