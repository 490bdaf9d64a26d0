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
var OutboxDelivery_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxDelivery = exports.DeliveryFailedError = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const errors_1 = require("../common/errors");
const users_service_1 = require("../users/users.service");
const mailer_1 = require("./mailer");
const outbox_message_entity_1 = require("./outbox-message.entity");
/** An SMTP failure, raised after its attempt is recorded; `final` when no retry follows. */
class DeliveryFailedError extends Error {
    outboxId;
    final;
    constructor(outboxId, final, reason) {
        super(`Delivery of ${outboxId} failed: ${errorText(reason)}`);
        this.outboxId = outboxId;
        this.final = final;
        this.name = 'DeliveryFailedError';
    }
}
exports.DeliveryFailedError = DeliveryFailedError;
function errorText(error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}
/**
 * Sends one outbox row. Idempotent: only a row still pending is touched, and it stays locked while it is
 * sent, so a duplicate job (after a stall or a sweep) finds nothing to do.
 */
let OutboxDelivery = OutboxDelivery_1 = class OutboxDelivery {
    dataSource;
    mailer;
    users;
    logger = new common_1.Logger(OutboxDelivery_1.name);
    constructor(dataSource, mailer, users) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.users = users;
    }
    async deliver(outboxId, attempt) {
        let failure;
        const outcome = await this.dataSource.transaction(async (manager) => {
            const message = await manager
                .getRepository(outbox_message_entity_1.OutboxMessage)
                .createQueryBuilder('m')
                .setLock('pessimistic_write')
                .setOnLocked('skip_locked')
                .where('m.id = :id', { id: outboxId })
                .andWhere('m.status = :status', { status: 'pending' })
                .getOne();
            if (!message)
                return 'skipped';
            if (!(await this.recipientWants(message)))
                return this.finish(manager, message, 'suppressed');
            if (!this.mailer.enabled)
                return this.finish(manager, message, 'not_delivered');
            try {
                await this.mailer.send(message);
            }
            catch (error) {
                const final = Math.max(attempt.attempt, message.attempts + 1) >= attempt.maxAttempts;
                failure = new DeliveryFailedError(message.id, final, error);
                await manager.getRepository(outbox_message_entity_1.OutboxMessage).update({ id: message.id }, { attempts: message.attempts + 1, lastError: errorText(error), status: final ? 'failed' : 'pending' });
                return final ? 'failed' : 'retry';
            }
            return this.finish(manager, message, 'sent');
        });
        this.logger.log({ outboxId, attempt: attempt.attempt, outcome }, 'Email delivery');
        // Thrown after the commit, so the attempt and its error are kept while BullMQ retries.
        if (failure)
            throw failure;
        return outcome;
    }
    async finish(manager, message, status) {
        const sent = status === 'sent';
        await manager.getRepository(outbox_message_entity_1.OutboxMessage).update({ id: message.id }, { status, attempts: sent ? message.attempts + 1 : message.attempts, sentAt: sent ? new Date() : null, lastError: sent ? null : message.lastError });
        return status;
    }
    /** Account emails always go; reminders and updates only while the recipient has not switched them off. */
    async recipientWants(message) {
        if (message.category === 'account' || !message.recipientId)
            return true;
        const user = await this.users.get(message.recipientId).catch((error) => {
            if (error instanceof errors_1.NotFoundError)
                return null;
            throw error;
        });
        if (!user || user.disabledAt)
            return false;
        return message.category === 'reminder' ? user.notifyReminders : user.notifyUpdates;
    }
};
exports.OutboxDelivery = OutboxDelivery;
exports.OutboxDelivery = OutboxDelivery = OutboxDelivery_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        mailer_1.Mailer,
        users_service_1.UsersService])
], OutboxDelivery);
