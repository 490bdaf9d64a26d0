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
var OutboxService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxService = void 0;
exports.deliveryJobOptions = deliveryJobOptions;
const node_crypto_1 = require("node:crypto");
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const bullmq_2 = require("bullmq");
const typeorm_2 = require("typeorm");
const app_config_1 = require("../config/app-config");
const mail_renderer_1 = require("./mail-renderer");
const notifications_constants_1 = require("./notifications.constants");
const outbox_message_entity_1 = require("./outbox-message.entity");
const unsubscribe_tokens_1 = require("./unsubscribe-tokens");
/**
 * BullMQ options of a delivery job: retried with exponential backoff, removed when done so the same id can be
 * queued again (a resend, the sweeper). The outbox row, not Redis, keeps the outcome.
 */
function deliveryJobOptions(env) {
    return {
        attempts: env.EMAIL_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: env.EMAIL_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: true,
    };
}
const DISPATCH_TIMEOUT_MS = 5_000;
let OutboxService = OutboxService_1 = class OutboxService {
    messages;
    queue;
    renderer;
    unsubscribe;
    config;
    logger = new common_1.Logger(OutboxService_1.name);
    constructor(messages, queue, renderer, unsubscribe, config) {
        this.messages = messages;
        this.queue = queue;
        this.renderer = renderer;
        this.unsubscribe = unsubscribe;
        this.config = config;
    }
    /**
     * Writes the email to the outbox inside the caller's transaction. Returns the new row, or null when an
     * email with the same deduplication key already exists. Call `dispatch` after the transaction commits.
     */
    async enqueue(manager, request) {
        const row = this.toRow(request);
        const result = await manager.createQueryBuilder().insert().into(outbox_message_entity_1.OutboxMessage).values(row).orIgnore().returning(['id']).execute();
        if (!result.raw.length)
            return null;
        return manager.getRepository(outbox_message_entity_1.OutboxMessage).findOneByOrFail({ id: row.id });
    }
    /** Enqueues outside any transaction and dispatches at once. */
    async send(request) {
        const message = await this.enqueue(this.messages.manager, request);
        if (message)
            await this.dispatch([message.id]);
        return message;
    }
    /**
     * Puts outbox rows on the delivery queue. A failure here loses nothing: the sweeper queues every row
     * still pending.
     */
    async dispatch(ids) {
        if (!ids.length)
            return;
        const options = deliveryJobOptions(this.config.env);
        let timer;
        // While Redis is away its client waits for it; the request that wrote the email should not.
        const timeout = new Promise((_resolve, reject) => {
            timer = setTimeout(() => reject(new Error('Redis did not answer in time')), DISPATCH_TIMEOUT_MS);
        });
        try {
            const added = this.queue.addBulk(ids.map((outboxId) => ({ name: 'deliver', data: { outboxId }, opts: { ...options, jobId: outboxId } })));
            added.catch(() => undefined);
            await Promise.race([added, timeout]);
        }
        catch (error) {
            this.logger.warn({ err: error, count: ids.length }, 'Could not queue emails now; the sweeper will queue them');
        }
        finally {
            clearTimeout(timer);
        }
    }
    /**
     * Writes many emails in the caller's transaction with a few multi-row inserts (reminder scans create
     * thousands at once). Rows whose deduplication key exists are skipped; returns the ids of the new rows.
     */
    async enqueueMany(manager, requests, chunkSize = 500) {
        const ids = [];
        for (let i = 0; i < requests.length; i += chunkSize) {
            const values = requests.slice(i, i + chunkSize).map((request) => this.toRow(request));
            const result = await manager.createQueryBuilder().insert().into(outbox_message_entity_1.OutboxMessage).values(values).orIgnore().returning(['id']).execute();
            ids.push(...result.raw.map((row) => row.id));
        }
        return ids;
    }
    /** The outbox row of a request: rendered in the recipient's language, with its unsubscribe link and Message-ID. */
    toRow(request) {
        const id = (0, node_crypto_1.randomUUID)();
        const data = { ...request.data, publicUrl: this.config.env.PUBLIC_URL };
        if (request.category !== 'account' && request.to.id) {
            data.unsubscribeUrl = this.config.publicUrl(`/unsubscribe/${this.unsubscribe.sign(request.to.id, request.category)}`);
        }
        return {
            id,
            dedupKey: request.dedupKey,
            recipientEmail: request.to.email,
            recipientId: request.to.id ?? null,
            template: request.template,
            category: request.category,
            language: request.to.language,
            data: data,
            ...this.renderer.render(request.template, request.to.language, data),
            status: 'pending',
            messageId: `<${id}@${new URL(this.config.env.PUBLIC_URL).hostname}>`,
        };
    }
    /**
     * Stops emails still pending whose deduplication key starts with the prefix (reminders of a session that
     * moved or was cancelled), in the caller's transaction; returns how many.
     */
    async suppressPending(manager, dedupKeyPrefix, reason) {
        const pattern = `${dedupKeyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const result = await manager
            .createQueryBuilder()
            .update(outbox_message_entity_1.OutboxMessage)
            .set({ status: 'suppressed', lastError: reason })
            .where('status = :status', { status: 'pending' })
            .andWhere('dedup_key LIKE :pattern', { pattern })
            .execute();
        return result.affected ?? 0;
    }
};
exports.OutboxService = OutboxService;
exports.OutboxService = OutboxService = OutboxService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(outbox_message_entity_1.OutboxMessage)),
    __param(1, (0, bullmq_1.InjectQueue)(notifications_constants_1.EMAIL_QUEUE)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        bullmq_2.Queue,
        mail_renderer_1.MailRenderer,
        unsubscribe_tokens_1.UnsubscribeTokens,
        app_config_1.AppConfig])
], OutboxService);
