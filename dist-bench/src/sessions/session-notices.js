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
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionNotices = exports.reminderKeyPrefix = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
const outbox_service_1 = require("../notifications/outbox.service");
const session_views_1 = require("./session-views");
/** Reminder outbox keys start with this, then the session id; a move or cancellation stops those still pending. */
const reminderKeyPrefix = (sessionId) => `session-reminder:${sessionId}:`;
exports.reminderKeyPrefix = reminderKeyPrefix;
/**
 * Tells everyone a session concerns (its enrolled trainees and its instructors) at once that it moved or was
 * cancelled, and stops every reminder for the old time still waiting in the outbox, in the change's transaction.
 */
let SessionNotices = class SessionNotices {
    outbox;
    config;
    constructor(outbox, config) {
        this.outbox = outbox;
        this.config = config;
    }
    /** Enrolled trainees (not waitlisted or withdrawn) and the session's instructors, active accounts only. */
    recipients(manager, session) {
        return manager.query(`SELECT u.id, u.email, u.name, u.language
         FROM enrolments e JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND e.status = 'enrolled' AND u.disabled_at IS NULL
       UNION
       SELECT u.id, u.email, u.name, u.language
         FROM session_instructors si JOIN users u ON u.id = si.user_id
        WHERE si.session_id = $2 AND u.disabled_at IS NULL`, [session.cohortId, session.id]);
    }
    /** Returns the outbox ids to dispatch after commit. */
    async announce(manager, session, change, cohortName) {
        await this.outbox.suppressPending(manager, (0, exports.reminderKeyPrefix)(session.id), change.kind === 'cancelled' ? 'session cancelled' : 'session moved');
        const people = await this.recipients(manager, session);
        const template = change.kind === 'cancelled' ? 'session-cancelled' : 'session-moved';
        return this.outbox.enqueueMany(manager, people.map((person) => ({
            to: { email: person.email, id: person.id, language: person.language },
            template,
            category: 'update',
            dedupKey: `session-change:${change.id}:${person.id}`,
            data: {
                name: person.name,
                title: session.title,
                cohortName,
                place: (0, session_views_1.placeText)(session),
                oldWhen: (0, session_views_1.formatRangeIn)(change.oldStartsAt, change.oldEndsAt, person.language),
                newWhen: change.newStartsAt && change.newEndsAt ? (0, session_views_1.formatRangeIn)(change.newStartsAt, change.newEndsAt, person.language) : null,
                reason: change.reason,
                link: this.config.publicUrl(`/sessions/${session.id}`),
            },
        })));
    }
};
exports.SessionNotices = SessionNotices;
exports.SessionNotices = SessionNotices = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [outbox_service_1.OutboxService,
        app_config_1.AppConfig])
], SessionNotices);
