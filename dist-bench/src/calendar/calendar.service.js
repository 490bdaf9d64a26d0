"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const schemas_1 = require("../common/schemas");
const app_config_1 = require("../config/app-config");
const i18n_service_1 = require("../i18n/i18n.service");
const my_sessions_service_1 = require("../sessions/my-sessions.service");
const session_views_1 = require("../sessions/session-views");
const sessions_service_1 = require("../sessions/sessions.service");
const user_entity_1 = require("../users/user.entity");
const calendar_tokens_1 = require("./calendar-tokens");
const calendar_errors_1 = require("./calendar.errors");
const ical_writer_1 = require("./ical-writer");
/** Each person's private iCalendar feed of their sessions, and single sessions as .ics files. */
let CalendarService = class CalendarService {
    dataSource;
    tokens;
    mySessions;
    sessions;
    i18n;
    audit;
    config;
    constructor(dataSource, tokens, mySessions, sessions, i18n, audit, config) {
        this.dataSource = dataSource;
        this.tokens = tokens;
        this.mySessions = mySessions;
        this.sessions = sessions;
        this.i18n = i18n;
        this.audit = audit;
        this.config = config;
    }
    link(user) {
        const url = this.config.publicUrl(`/calendar/${user.id}/${this.tokens.token(user.id, user.calendarFeedVersion)}.ics`);
        return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
    }
    /** A new link; the old one stops working at once. */
    async renew(user, req) {
        return this.dataSource.transaction(async (manager) => {
            const [rows] = await manager.query('UPDATE users SET calendar_feed_version = calendar_feed_version + 1 WHERE id = $1 RETURNING calendar_feed_version', [user.id]);
            const version = rows[0].calendar_feed_version;
            await this.audit.record({ actorId: user.id, action: 'calendar.link_renewed', entityType: 'user', entityId: user.id, before: { version: version - 1 }, after: { version }, req }, manager);
            user.calendarFeedVersion = version;
            return this.link(user);
        });
    }
    /** The feed of the URL's owner, if the token is the current one; otherwise not found. */
    async feed(userId, token) {
        if (!schemas_1.uuid.safeParse(userId).success)
            throw new calendar_errors_1.CalendarFeedNotFoundError();
        const user = await this.dataSource.getRepository(user_entity_1.User).findOneBy({ id: userId });
        if (!user || user.disabledAt || !this.tokens.verify(user.id, user.calendarFeedVersion, token))
            throw new calendar_errors_1.CalendarFeedNotFoundError();
        const items = await this.mySessions.forCalendar(user.id);
        return (0, ical_writer_1.writeCalendar)({
            name: this.i18n.t(user.language, 'calendar.feedName'),
            events: items.map(({ session, cohortName }) => this.event(session, cohortName, user.language)),
        });
    }
    /** One session as a file, for someone who may see it. */
    async sessionFile(user, sessionId, lang) {
        const session = await this.sessions.getVisible(user, sessionId);
        const cohort = await this.sessions.cohort(session.cohortId);
        return {
            fileName: `kursors-${session.id}.ics`,
            body: (0, ical_writer_1.writeCalendar)({ name: this.i18n.t(lang, 'calendar.feedName'), method: 'PUBLISH', events: [this.event(session, cohort.name, lang)] }),
        };
    }
    /** The same UID whatever happens to the session; SEQUENCE follows its changes. */
    event(session, cohortName, lang) {
        const t = (key, params = {}) => this.i18n.t(lang, key, params);
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
            location: (0, session_views_1.placeText)(session) || undefined,
            url: this.config.publicUrl(`/sessions/${session.id}`),
            status: session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        };
    }
};
exports.CalendarService = CalendarService;
exports.CalendarService = CalendarService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        calendar_tokens_1.CalendarTokens,
        my_sessions_service_1.MySessionsService,
        sessions_service_1.SessionsService,
        i18n_service_1.I18nService,
        audit_service_1.AuditService,
        app_config_1.AppConfig])
], CalendarService);
