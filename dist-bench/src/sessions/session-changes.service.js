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
exports.SessionChangesService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const outbox_service_1 = require("../notifications/outbox.service");
const session_access_service_1 = require("./session-access.service");
const session_change_entity_1 = require("./session-change.entity");
const session_clash_check_1 = require("./session-clash-check");
const session_notices_1 = require("./session-notices");
const session_entity_1 = require("./session.entity");
const sessions_errors_1 = require("./sessions.errors");
const sessions_service_1 = require("./sessions.service");
/**
 * Moving and cancelling: the session keeps its record, a history row says what changed, why and who did it,
 * the iCalendar SEQUENCE goes up, everyone concerned is told at once, and reminders for the old time are stopped.
 */
let SessionChangesService = class SessionChangesService {
    dataSource;
    sessions;
    access;
    clashes;
    notices;
    outbox;
    audit;
    constructor(dataSource, sessions, access, clashes, notices, outbox, audit) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.access = access;
        this.clashes = clashes;
        this.notices = notices;
        this.outbox = outbox;
        this.audit = audit;
    }
    async move(user, id, input, req) {
        await this.access.assertCanManageSession(user, await this.sessions.get(id));
        const { session, outboxIds } = await this.dataSource.transaction(async (manager) => {
            const session = await this.sessions.lockForChange(manager, id);
            if (session.startsAt.getTime() === input.startsAt.getTime() && session.endsAt.getTime() === input.endsAt.getTime()) {
                throw new sessions_errors_1.SessionUnchangedTimeError();
            }
            await this.clashes.lockAndCheck(manager, {
                sessionId: session.id,
                startsAt: input.startsAt,
                endsAt: input.endsAt,
                instructorIds: session.instructors.map((u) => u.id),
                address: session.address,
                room: session.room,
            });
            const before = (0, sessions_service_1.sessionAuditView)(session);
            const change = await manager.getRepository(session_change_entity_1.SessionChange).save(manager.getRepository(session_change_entity_1.SessionChange).create({
                sessionId: session.id,
                kind: 'moved',
                oldStartsAt: session.startsAt,
                oldEndsAt: session.endsAt,
                newStartsAt: input.startsAt,
                newEndsAt: input.endsAt,
                reason: input.reason,
                changedById: user.id,
            }));
            await manager.getRepository(session_entity_1.Session).update({ id: session.id }, { startsAt: input.startsAt, endsAt: input.endsAt, sequence: session.sequence + 1 });
            Object.assign(session, { startsAt: input.startsAt, endsAt: input.endsAt, sequence: session.sequence + 1 });
            await this.audit.record({ actorId: user.id, action: 'session.moved', entityType: 'session', entityId: session.id, before, after: { ...(0, sessions_service_1.sessionAuditView)(session), reason: input.reason }, req }, manager);
            const cohort = await this.sessions.cohort(session.cohortId, manager);
            return { session, outboxIds: await this.notices.announce(manager, session, change, cohort.name) };
        });
        await this.outbox.dispatch(outboxIds);
        return session;
    }
    async cancel(user, id, input, req) {
        await this.access.assertCanManageSession(user, await this.sessions.get(id));
        const { session, outboxIds } = await this.dataSource.transaction(async (manager) => {
            const session = await this.sessions.lockForChange(manager, id);
            const before = (0, sessions_service_1.sessionAuditView)(session);
            const change = await manager.getRepository(session_change_entity_1.SessionChange).save(manager.getRepository(session_change_entity_1.SessionChange).create({
                sessionId: session.id,
                kind: 'cancelled',
                oldStartsAt: session.startsAt,
                oldEndsAt: session.endsAt,
                newStartsAt: null,
                newEndsAt: null,
                reason: input.reason,
                changedById: user.id,
            }));
            const update = { status: 'cancelled', cancellationReason: input.reason, sequence: session.sequence + 1 };
            await manager.getRepository(session_entity_1.Session).update({ id: session.id }, update);
            Object.assign(session, update);
            await this.audit.record({ actorId: user.id, action: 'session.cancelled', entityType: 'session', entityId: session.id, before, after: { ...(0, sessions_service_1.sessionAuditView)(session), reason: input.reason }, req }, manager);
            const cohort = await this.sessions.cohort(session.cohortId, manager);
            return { session, outboxIds: await this.notices.announce(manager, session, change, cohort.name) };
        });
        await this.outbox.dispatch(outboxIds);
        return session;
    }
};
exports.SessionChangesService = SessionChangesService;
exports.SessionChangesService = SessionChangesService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        sessions_service_1.SessionsService,
        session_access_service_1.SessionAccess,
        session_clash_check_1.SessionClashCheck,
        session_notices_1.SessionNotices,
        outbox_service_1.OutboxService,
        audit_service_1.AuditService])
], SessionChangesService);
