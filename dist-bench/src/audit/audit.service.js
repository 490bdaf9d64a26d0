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
exports.AuditService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const request_1 = require("../common/request");
const audit_event_entity_1 = require("./audit-event.entity");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let AuditService = class AuditService {
    events;
    constructor(events) {
        this.events = events;
    }
    /** Records an event; pass the transaction's manager so the event commits or rolls back with the change. */
    async record(entry, manager) {
        const repo = manager ? manager.getRepository(audit_event_entity_1.AuditEvent) : this.events;
        await repo.save(repo.create({
            actorId: entry.actorId,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId ?? null,
            before: entry.before ?? null,
            after: entry.after ?? null,
            ip: entry.req ? (0, request_1.clientIp)(entry.req).slice(0, 64) : null,
            requestId: entry.req ? String(entry.req.id).slice(0, 64) : null,
        }));
    }
    async search(query) {
        const qb = this.events.createQueryBuilder('e').orderBy('e.createdAt', 'DESC').addOrderBy('e.id', 'DESC');
        if (query.action)
            qb.andWhere('e.action = :action', { action: query.action });
        if (query.actorId)
            qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
        if (query.actor && UUID.test(query.actor))
            qb.andWhere('e.actorId = :actor', { actor: query.actor });
        else if (query.actor) {
            qb.andWhere('e.actorId IN (SELECT u.id FROM users u WHERE u.email = lower(:actor) OR u.name ILIKE :actorLike)', {
                actor: query.actor,
                actorLike: `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
            });
        }
        if (query.entityType)
            qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
        if (query.entityId)
            qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
        if (query.from)
            qb.andWhere('e.createdAt >= :from', { from: query.from });
        if (query.to)
            qb.andWhere('e.createdAt < :to', { to: query.to });
        const [items, total] = await qb
            .skip((query.page - 1) * query.pageSize)
            .take(query.pageSize)
            .getManyAndCount();
        return { items, total };
    }
    async entityTypes() {
        const rows = await this.events.createQueryBuilder('e').select('DISTINCT e.entityType', 'type').orderBy('type').getRawMany();
        return rows.map((r) => r.type);
    }
    /**
     * The names of the events' actors. The audit log reads the users table itself: the users feature
     * records its changes here, so the audit cannot depend on it in turn.
     */
    async actorsOf(events) {
        const ids = [...new Set(events.map((e) => e.actorId).filter((id) => Boolean(id)))];
        if (!ids.length)
            return new Map();
        const rows = await this.events.manager.query('SELECT id, name, email FROM users WHERE id = ANY($1)', [ids]);
        return new Map(rows.map((row) => [row.id, row]));
    }
    async actions() {
        const rows = await this.events.createQueryBuilder('e').select('DISTINCT e.action', 'action').orderBy('action').getRawMany();
        return rows.map((r) => r.action);
    }
};
exports.AuditService = AuditService;
exports.AuditService = AuditService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(audit_event_entity_1.AuditEvent)),
    __metadata("design:paramtypes", [typeorm_2.Repository])
], AuditService);
