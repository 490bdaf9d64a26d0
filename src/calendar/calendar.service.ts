import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { uuid } from '../common/schemas';
import { AppConfig } from '../config/app-config';
import { unitOfWork } from '../database/unit-of-work';
import { I18nService } from '../i18n/i18n.service';
import { MySessionsService } from '../sessions/my-sessions.service';
import { placeText, type ShownSession } from '../sessions/session-views';
import { SessionsService } from '../sessions/sessions.service';
import type { Language } from '../i18n/languages';
import { User } from '../users/user.entity';
import { CalendarTokens } from './calendar-tokens';
import { CalendarFeedNotFoundError } from './calendar.errors';
import { CalendarEvent, writeCalendar } from './ical-writer';
import { actingUser } from '../users/acting-user';

export interface CalendarLink {
  url: string;
  webcalUrl: string;
}

/** Each person's private iCalendar feed of their sessions, and single sessions as .ics files. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: CalendarTokens,
    private readonly mySessions: MySessionsService,
    private readonly sessions: SessionsService,
    private readonly i18n: I18nService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  link(user: Pick<User, 'id' | 'calendarFeedVersion'>): CalendarLink {
    const url = this.config.publicUrl(`/calendar/${user.id}/${this.tokens.token(user.id, user.calendarFeedVersion)}.ics`);
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }

  /** A new link; the old one stops working at once. */
  async renew(actor: Actor): Promise<CalendarLink> {
    return unitOfWork(this.dataSource, async (manager) => {
      const [rows]: [{ calendar_feed_version: number }[], number] = await manager.query(
        'UPDATE users SET calendar_feed_version = calendar_feed_version + 1 WHERE id = $1 RETURNING calendar_feed_version',
        [actor.userId],
      );
      const version = rows[0].calendar_feed_version;
      await this.audit.record(
        {
          action: 'calendar.link_renewed',
          entityType: 'user',
          entityId: actor.userId,
          before: { version: version - 1 },
          after: { version },
          actor,
        },
        manager,
      );
      return this.link({ id: actor.userId!, calendarFeedVersion: version });
    });
  }

  /** The feed of the URL's owner, if the token is the current one; otherwise not found. */
  async feed(userId: string, token: string): Promise<string> {
    if (!uuid.safeParse(userId).success) throw new CalendarFeedNotFoundError();
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user || user.disabledAt || !this.tokens.verify(user.id, user.calendarFeedVersion, token)) throw new CalendarFeedNotFoundError();
    const items = await this.mySessions.forCalendar(user.id);
    return writeCalendar({
      name: this.i18n.t(user.language, 'calendar.feedName'),
      events: items.map(({ session, cohortName }) => this.event(session, cohortName, user.language)),
    });
  }

  /** One session as a file, for someone who may see it. */
  async sessionFile(actor: Actor, sessionId: string, lang: Language): Promise<{ fileName: string; body: string }> {
    const session = await this.sessions.getVisible(actingUser(actor), sessionId);
    const cohort = await this.sessions.cohort(session.cohortId);
    return {
      fileName: `kursors-${session.id}.ics`,
      body: writeCalendar({
        name: this.i18n.t(lang, 'calendar.feedName'),
        publish: { organizer: this.config.sender, madeAt: this.clock.now() },
        events: [this.event(session, cohort.name, lang)],
      }),
    };
  }

  /** The same UID whatever happens to the session; SEQUENCE follows its changes. */
  private event(session: ShownSession, cohortName: string, lang: Language): CalendarEvent {
    const t = (key: string, params = {}) => this.i18n.t(lang, key, params);
    const lines = [
      `${t(`sessions.kinds.${session.kind}`)} · ${cohortName}`,
      session.status === 'cancelled' ? t('calendar.cancelled', { reason: session.cancellationReason ?? '' }) : '',
      session.instructors?.length ? `${t('sessions.fields.instructors')}: ${session.instructors.map((u) => u.name).join(', ')}` : '',
      session.hosts ? `${t('sessions.fields.hosts')}: ${session.hosts}` : '',
      session.sitesVisited.length ? `${t('sessions.fields.sitesVisited')}: ${session.sitesVisited.join('; ')}` : '',
      session.onlineUrl ? `${t('sessions.fields.onlineUrl')}: ${session.onlineUrl}` : '',
      session.notes,
    ].filter(Boolean);
    return {
      uid: `${session.id}@${new URL(this.config.env.PUBLIC_URL).hostname}`,
      sequence: session.sequence,
      stamp: session.updatedAt,
      start: session.startsAt,
      end: session.endsAt,
      summary: session.title,
      description: lines.join('\n'),
      location: placeText(session) || undefined,
      url: this.config.publicUrl(`/sessions/${session.id}`),
      status: session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    };
  }
}
