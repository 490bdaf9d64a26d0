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
exports.OutboxAdminService = exports.RESENDABLE = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const audit_service_1 = require("../audit/audit.service");
const schemas_1 = require("../common/schemas");
const notifications_errors_1 = require("./notifications.errors");
const outbox_message_entity_1 = require("./outbox-message.entity");
const outbox_service_1 = require("./outbox.service");
/** Statuses an administrator may send again; a pending email is still on its way. */
exports.RESENDABLE = ['failed', 'not_delivered', 'suppressed', 'sent'];
/** What administrators see of the outbox and may do with it. */
let OutboxAdminService = class OutboxAdminService {
    dataSource;
    messages;
    outbox;
    audit;
    constructor(dataSource, messages, outbox, audit) {
        this.dataSource = dataSource;
        this.messages = messages;
        this.outbox = outbox;
        this.audit = audit;
    }
    async list(query) {
        const qb = this.messages.createQueryBuilder('m').orderBy('m.createdAt', 'DESC').addOrderBy('m.id', 'DESC');
        if (query.status)
            qb.andWhere('m.status = :status', { status: query.status });
        if (query.q)
            qb.andWhere('m.recipientEmail ILIKE :like', { like: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
        const [items, total] = await qb
            .skip((query.page - 1) * query.pageSize)
            .take(query.pageSize)
            .getManyAndCount();
        return { items, total };
    }
    async get(id) {
        const message = schemas_1.uuid.safeParse(id).success ? await this.messages.findOneBy({ id }) : null;
        if (!message)
            throw new notifications_errors_1.OutboxMessageNotFoundError();
        return message;
    }
    /** Puts a finished email back to pending with its attempts reset, and on the delivery queue. */
    async resend(id, actor, req) {
        if (!schemas_1.uuid.safeParse(id).success)
            throw new notifications_errors_1.OutboxMessageNotFoundError();
        const message = await this.dataSource.transaction(async (manager) => {
            const repo = manager.getRepository(outbox_message_entity_1.OutboxMessage);
            const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!row)
                throw new notifications_errors_1.OutboxMessageNotFoundError();
            if (!exports.RESENDABLE.includes(row.status))
                throw new notifications_errors_1.NotResendableError();
            const before = { status: row.status, attempts: row.attempts, lastError: row.lastError };
            Object.assign(row, { status: 'pending', attempts: 0, lastError: null, sentAt: null });
            await repo.save(row);
            await this.audit.record({ actorId: actor.id, action: 'outbox.resent', entityType: 'outbox_message', entityId: row.id, before, after: { status: row.status }, req }, manager);
            return row;
        });
        await this.outbox.dispatch([message.id]);
        return message;
    }
};
exports.OutboxAdminService = OutboxAdminService;
exports.OutboxAdminService = OutboxAdminService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __param(1, (0, typeorm_1.InjectRepository)(outbox_message_entity_1.OutboxMessage)),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        typeorm_2.Repository,
        outbox_service_1.OutboxService,
        audit_service_1.AuditService])
], OutboxAdminService);
