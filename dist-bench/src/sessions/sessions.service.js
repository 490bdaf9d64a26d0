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
exports.SessionsService = void 0;
exports.sessionAuditView = sessionAuditView;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const cohort_entity_1 = require("../cohorts/cohort.entity");
const user_entity_1 = require("../users/user.entity");
const session_access_service_1 = require("./session-access.service");
const session_change_entity_1 = require("./session-change.entity");
const session_clash_check_1 = require("./session-clash-check");
const session_entity_1 = require("./session.entity");
const sessions_errors_1 = require("./sessions.errors");
/** What the audit log keeps of a session. */
function sessionAuditView(session) {
    return {
        kind: session.kind,
        title: session.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        address: session.address,
        room: session.room,
        onlineUrl: session.onlineUrl,
        instructorIds: (session.instructors ?? []).map((u) => u.id).sort(),
        hosts: session.hosts,
        sitesVisited: session.sitesVisited,
        notes: session.notes,
        status: session.status,
        sequence: session.sequence,
    };
}
/** The schedule of a cohort: its sessions and their details. Moves and cancellations are in SessionChangesService. */
let SessionsService = class SessionsService {
    dataSource;
    access;
    clashes;
    audit;
    constructor(dataSource, access, clashes, audit) {
        this.dataSource = dataSource;
        this.access = access;
        this.clashes = clashes;
        this.audit = audit;
    }
    async cohort(cohortId, manager = this.dataSource.manager) {
        const cohort = await manager.getRepository(cohort_entity_1.Cohort).findOne({ where: { id: cohortId }, relations: { part: true, instructors: true } });
        if (!cohort)
            throw new sessions_errors_1.CohortNotFoundError();
        return {
            id: cohort.id,
            name: cohort.name,
            partTitleLv: cohort.part.titleLv,
            partTitleEn: cohort.part.titleEn,
            instructors: cohort.instructors.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name, 'lv')),
        };
    }
    /** Active instructors a session form offers. */
    async instructorOptions() {
        return this.dataSource.query(`SELECT id, name FROM users WHERE 'instructor' = ANY(roles) AND disabled_at IS NULL ORDER BY name, id LIMIT 1000`);
    }
    async get(id, manager = this.dataSource.manager) {
        const session = await manager.getRepository(session_entity_1.Session).findOne({ where: { id }, relations: { instructors: true } });
        if (!session)
            throw new sessions_errors_1.SessionNotFoundError();
        session.instructors.sort((a, b) => a.name.localeCompare(b.name, 'lv'));
        return session;
    }
    /** The session, if the user may see it; otherwise not found. */
    async getVisible(user, id) {
        const session = await this.get(id);
        await this.access.assertCanView(user, session);
        return session;
    }
    async history(sessionId) {
        const changes = await this.dataSource
            .getRepository(session_change_entity_1.SessionChange)
            .createQueryBuilder('c')
            .leftJoin(user_entity_1.User, 'u', 'u.id = c.changedById')
            .addSelect('u.name', 'changed_by_name')
            .where('c.sessionId = :sessionId', { sessionId })
            .orderBy('c.changedAt', 'DESC')
            .addOrderBy('c.id', 'DESC')
            .getRawAndEntities();
        return changes.entities.map((change, i) => Object.assign(change, { changedByName: changes.raw[i].changed_by_name }));
    }
    async listForCohort(user, cohortId, query) {
        await this.access.assertCanViewCohort(user, cohortId);
        const [items, total] = await this.dataSource
            .getRepository(session_entity_1.Session)
            .createQueryBuilder('s')
            .leftJoinAndSelect('s.instructors', 'i')
            .where('s.cohortId = :cohortId', { cohortId })
            .orderBy('s.startsAt', 'ASC')
            .addOrderBy('s.id', 'ASC')
            .skip((query.page - 1) * query.pageSize)
            .take(query.pageSize)
            .getManyAndCount();
        return { items, total };
    }
    async create(user, cohortId, input, req) {
        await this.access.assertCanManageCohort(user, cohortId);
        return this.dataSource.transaction(async (manager) => {
            const cohort = await this.cohort(cohortId, manager);
            const instructors = await this.instructors(manager, input.instructorIds.length ? input.instructorIds : cohort.instructors.map((u) => u.id));
            const details = this.details(input);
            await this.clashes.lockAndCheck(manager, { startsAt: input.startsAt, endsAt: input.endsAt, instructorIds: instructors.map((u) => u.id), address: details.address, room: details.room });
            const repo = manager.getRepository(session_entity_1.Session);
            const session = await repo.save(repo.create({ ...details, cohortId, startsAt: input.startsAt, endsAt: input.endsAt, instructors }));
            await this.audit.record({ actorId: user.id, action: 'session.created', entityType: 'session', entityId: session.id, after: sessionAuditView(session), req }, manager);
            return session;
        });
    }
    /** Changes what, where and who; the time changes only through a move, which keeps its history. */
    async updateDetails(user, id, input, req) {
        const current = await this.get(id);
        await this.access.assertCanManageSession(user, current);
        return this.dataSource.transaction(async (manager) => {
            const session = await this.lockForChange(manager, id);
            const cohort = await this.cohort(session.cohortId, manager);
            const instructors = await this.instructors(manager, input.instructorIds.length ? input.instructorIds : cohort.instructors.map((u) => u.id));
            const details = this.details(input);
            await this.clashes.lockAndCheck(manager, { sessionId: session.id, startsAt: session.startsAt, endsAt: session.endsAt, instructorIds: instructors.map((u) => u.id), address: details.address, room: details.room });
            const before = sessionAuditView(session);
            Object.assign(session, details, { instructors });
            const after = sessionAuditView(session);
            if (JSON.stringify({ ...before, sequence: 0 }) === JSON.stringify({ ...after, sequence: 0 }))
                return session;
            session.sequence += 1;
            await manager.getRepository(session_entity_1.Session).save(session);
            await this.audit.record({ actorId: user.id, action: 'session.updated', entityType: 'session', entityId: session.id, before, after: sessionAuditView(session), req }, manager);
            return session;
        });
    }
    /** Locks the session row for the transaction and loads it; a cancelled session cannot change. */
    async lockForChange(manager, id) {
        const locked = await manager.query('SELECT id FROM sessions WHERE id = $1 FOR UPDATE', [id]);
        if (!locked.length)
            throw new sessions_errors_1.SessionNotFoundError();
        const session = await this.get(id, manager);
        if (session.status === 'cancelled')
            throw new sessions_errors_1.SessionCancelledError();
        return session;
    }
    details(input) {
        const studyVisit = input.kind === 'study_visit';
        return {
            kind: input.kind,
            title: input.title,
            address: input.address ?? null,
            room: input.address ? (input.room ?? null) : null,
            onlineUrl: input.onlineUrl ?? null,
            hosts: studyVisit ? (input.hosts ?? null) : null,
            sitesVisited: studyVisit ? input.sitesVisited : [],
            notes: input.notes ?? '',
        };
    }
    /** The users named, each an active instructor. */
    async instructors(manager, ids) {
        const unique = [...new Set(ids)];
        if (!unique.length)
            return [];
        const users = await manager
            .getRepository(user_entity_1.User)
            .createQueryBuilder('u')
            .where('u.id IN (:...ids)', { ids: unique })
            .andWhere(`'instructor' = ANY(u.roles)`)
            .andWhere('u.disabledAt IS NULL')
            .getMany();
        if (users.length !== unique.length)
            throw new sessions_errors_1.NotAnInstructorError();
        return users;
    }
};
exports.SessionsService = SessionsService;
exports.SessionsService = SessionsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        session_access_service_1.SessionAccess,
        session_clash_check_1.SessionClashCheck,
        audit_service_1.AuditService])
], SessionsService);
